package deriv.cli;

import deriv.codegen.Emitter;
import deriv.codegen.GradProgram;
import deriv.codegen.Language;
import deriv.expr.Definitions;
import deriv.expr.Expr;
import deriv.expr.Printer;
import deriv.parse.DerivException;
import deriv.parse.Parsed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "codegen", mixinStandardHelpOptions = true,
    description = {"Source code of a function and its gradient (reverse mode, shared temporaries).",
                   "  python  f(...), grad_f(...) -> tuple in --wrt order; floats or NumPy arrays",
                   "  c       double f(...), void grad_f(..., double *out); C99 with <math.h>",
                   "  java    class Gen (or --out's name) with static f and gradF; Java 17",
                   "Parameters: the free variables in order of first appearance, or --vars.",
                   "Names that are keywords or builtins of the language get a trailing underscore.",
                   "Example: deriv codegen \"(W*x + b - y)^2\" --wrt W,b --lang c --main"})
final class CodegenCommand extends BaseCommand implements Callable<Integer> {
    @Mixin ExprInput input;

    @Option(names = "--wrt", paramLabel = "VARS", split = ",", description = "the partials, comma-separated (default: every parameter)")
    List<String> wrt;

    @Option(names = "--lang", paramLabel = "LANG", description = "java, python or c (default: from --out's extension, else python)")
    String lang;

    @Option(names = "--main", description = "make the file a program too: NAME=VALUE arguments, prints f and each partial")
    boolean main;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path out;

    @Option(names = "--vars", paramLabel = "VARS", split = ",", description = "the parameters in this order (default: order of first appearance)")
    List<String> vars;

    @Mixin Limits limits;

    @Override public Integer call() {
        Language language = language();
        String className = className(language);
        Parsed parsed = input.parse();
        Definitions defs = parsed.program().definitions();
        List<String> wrtNames = names(wrt, "--wrt", parsed);
        List<String> varNames = names(vars, "--vars", parsed);
        String text = limits.run(() -> {
            Expr body = Commands.resolveDiffs(parsed);
            GradProgram p = program(parsed, body, defs, varNames, wrtNames);
            return Emitter.emit(p, language, new Emitter.Options(main, className, Printer.print(body)));
        });
        if (out == null) {
            out().print(text);
            out().flush();
            return 0;
        }
        try {
            if (Files.isDirectory(out)) throw DerivException.general("cannot write " + out + ": it is a directory");
            Files.writeString(out, text);
        } catch (java.nio.file.NoSuchFileException e) {
            throw DerivException.general("cannot write " + out + ": no such directory");
        } catch (IOException | SecurityException e) {
            throw DerivException.general("cannot write " + out + ": " + e.getMessage());
        }
        return 0;
    }

    /** The program of f and its partials; a bad --wrt or --vars name becomes a diagnostic. */
    static GradProgram program(Parsed parsed, Expr body, Definitions defs, List<String> vars, List<String> wrt) {
        try {
            return GradProgram.of(body, defs, vars, wrt);
        } catch (GradProgram.BadVariable e) {
            throw new DerivException(parsed.at(e.name, (e.inWrt ? "--wrt: " : "--vars: ") + e.getMessage()));
        }
    }

    /** Variable names from a comma list: checked, Greek letters spelled; null when the option is absent. */
    static List<String> names(List<String> given, String option, Parsed parsed) {
        if (given == null) return null;
        List<String> out = new ArrayList<>();
        for (String g : given) {
            String v = g.strip();
            if (v.isEmpty()) throw DerivException.general(option + " has an empty name");
            String name = Commands.checkVar(v, parsed);
            if (parsed.program().definitions().intermediate(name).isPresent()) {
                throw new DerivException(parsed.at(name, option + ": '" + name
                    + "' is an intermediate (defined with :=); give the inputs it is computed from"));
            }
            if (out.contains(name)) throw DerivException.general(option + ": '" + name + "' is listed twice");
            out.add(name);
        }
        return out;
    }

    private Language language() {
        if (lang != null) {
            Language l = Language.parse(lang.strip());
            if (l == null) throw DerivException.general("unknown --lang '" + lang + "': expected java, python or c");
            return l;
        }
        if (out != null) {
            String f = out.getFileName() == null ? "" : out.getFileName().toString();
            for (Language l : Language.values()) if (f.endsWith(l.fileExtension())) return l;
        }
        return Language.PYTHON;
    }

    /** Java's class name: the --out file's name without .java (it must be a Java identifier). */
    private String className(Language language) {
        if (language != Language.JAVA || out == null || out.getFileName() == null) return "Gen";
        String f = out.getFileName().toString();
        String name = f.endsWith(".java") ? f.substring(0, f.length() - 5) : f;
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*") || name.equals("_") || deriv.codegen.Names.reserved(Language.JAVA, name)) {
            throw DerivException.general("--out " + out + ": the class is named after the file, and '" + name
                + "' is not a usable Java class name (try Gen.java)");
        }
        return name;
    }
}
