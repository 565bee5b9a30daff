package deriv.codegen;

import deriv.expr.Fn;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Safe identifiers for the variables of an expression in each emitted language. A name is kept
 * when it is plain ASCII and means nothing in the target (no keyword, builtin the generated code
 * uses, macro, or name of the generated code itself); otherwise it gets a trailing underscore
 * (as many as needed to be unique). Nothing a user can write becomes code.
 */
public final class Names {
    private Names() {}

    private static final Set<String> COMMON = Set.of("f", "grad_f", "gradF", "main", "out");

    private static final Set<String> JAVA = Set.of(
        "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
        "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
        "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
        "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
        "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var", "record",
        "yield", "sealed", "permits", "when", "module", "open", "requires", "exports", "opens", "to", "uses",
        "provides", "with", "transitive", "_",
        // names the generated class uses
        "Math", "Double", "String", "System", "Integer", "Object", "java", "args", "v");

    private static final Set<String> PYTHON = Set.of(
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield", "match", "case", "type",
        "_",
        "np", "numpy", "math", "sys", "float", "print", "repr", "tuple", "_arrays", "_full", "_shape");

    private static final Set<String> C = Set.of(
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
        "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
        "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while", "asm",
        "typeof", "typeof_unqual", "bool", "true", "false", "nullptr", "alignas", "alignof", "constexpr",
        "static_assert", "thread_local",
        // object-like macros of <math.h>, <stdio.h>, <stdlib.h>, <string.h> and gcc's predefined ones (gcc 12, glibc)
        "BIG_ENDIAN", "BUFSIZ", "BYTE_ORDER", "EOF", "EXIT_FAILURE", "EXIT_SUCCESS", "FD_SETSIZE", "FILENAME_MAX",
        "FOPEN_MAX", "FP_ILOGB0", "FP_ILOGBNAN", "FP_INFINITE", "FP_NAN", "FP_NORMAL", "FP_SUBNORMAL", "FP_ZERO",
        "HUGE_VAL", "HUGE_VALF", "HUGE_VALL", "INFINITY", "LITTLE_ENDIAN", "L_ctermid", "L_tmpnam", "MATH_ERREXCEPT",
        "MATH_ERRNO", "MB_CUR_MAX", "NAN", "NFDBITS", "NULL", "PDP_ENDIAN", "P_tmpdir", "RAND_MAX", "SEEK_CUR",
        "SEEK_END", "SEEK_SET", "TMP_MAX", "WCONTINUED", "WEXITED", "WNOHANG", "WNOWAIT", "WSTOPPED", "WUNTRACED",
        "math_errhandling", "stderr", "stdin", "stdout", "errno", "linux", "unix", "i386", "assert", "offsetof",
        "size_t", "FILE",
        // functions the generated program calls
        "pow", "printf", "fprintf", "strtod", "strchr", "strncmp", "strlen", "exit", "argc", "argv", "names",
        "given", "v", "g");

    // temporaries, and prefixes of macro families (a trailing underscore does not escape these)
    private static final Pattern TEMPORARY = Pattern.compile("t\\d+");
    private static final Pattern RESERVED_PREFIX = Pattern.compile("(M_|FP_|__)\\w*");

    /** Identifiers the function templates of the language start with (Math, np, fabs, ...). */
    private static Set<String> templateNames(Language lang) {
        Set<String> out = new HashSet<>();
        Pattern id = Pattern.compile("(?<![\\w.$])[A-Za-z_]\\w*");
        for (Fn fn : Fn.TABLE) {
            String t = switch (lang) {
                case JAVA -> fn.code().java();
                case PYTHON -> fn.code().python();
                case C -> fn.code().c();
            };
            Matcher m = id.matcher(t);
            while (m.find()) out.add(m.group());
        }
        return out;
    }

    private static final Map<Language, Set<String>> RESERVED = new HashMap<>();
    static {
        for (Language l : Language.values()) {
            Set<String> s = new HashSet<>(COMMON);
            s.addAll(switch (l) { case JAVA -> JAVA; case PYTHON -> PYTHON; case C -> C; });
            s.addAll(templateNames(l));
            RESERVED.put(l, Set.copyOf(s));
        }
    }

    /** True when {@code name} may not be used as is for a variable in {@code lang}. */
    public static boolean reserved(Language lang, String name) {
        return RESERVED.get(lang).contains(name) || TEMPORARY.matcher(name).matches() || reservedPrefix(lang, name);
    }

    private static boolean reservedPrefix(Language lang, String name) {
        return RESERVED_PREFIX.matcher(name).matches() || lang == Language.C && name.startsWith("_");
    }

    /** Each name with its identifier in the target; {@code extra} are further names to avoid (a class name). */
    public static Map<String, String> assign(Language lang, List<String> names, Set<String> extra) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>(extra);
        // names that can stay as they are claim themselves first, so a renamed one never takes them
        for (String n : names) {
            if (isAscii(n) && !reserved(lang, n) && !extra.contains(n)) { out.put(n, n); taken.add(n); }
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String n : names) {
            String id = out.get(n);
            if (id == null) {
                String base = ascii(n);
                if (reservedPrefix(lang, base)) base = (base.startsWith("_") ? "v" : "v_") + base;
                id = base;
                while (reserved(lang, id) || taken.contains(id)) id += "_";
                taken.add(id);
            }
            result.put(n, id);
        }
        return result;
    }

    private static boolean isAscii(String s) {
        if (s.isEmpty() || !Character.isLetter(s.charAt(0)) && s.charAt(0) != '_') return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) return false;
        }
        return true;
    }

    private static String ascii(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp < 128 && (Character.isLetterOrDigit(cp) || cp == '_')) sb.appendCodePoint(cp);
            else sb.append(String.format("_u%04x", cp));
        });
        if (sb.isEmpty() || Character.isDigit(sb.charAt(0))) sb.insert(0, 'v');
        return sb.toString();
    }
}
