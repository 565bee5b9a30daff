package deriv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue of malformed input beyond {@link ErrorMessagesTest}: one row per kind (the arguments,
 * the first line of the message without "error: ", the caret column or -1 when the message points
 * at no text). Every row exits 2, prints nothing on standard output and no stack trace. Then the
 * limits: nesting, input size, growth of a derivative, time and output size, each hit once.
 */
class MalformedInputCatalogueTest {

    @TempDir static Path dir;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** The files the rows name as {dir}/...: empty, blank, binary, not UTF-8, a directory. */
    @BeforeAll
    static void files() throws IOException {
        Files.createDirectories(dir.resolve("d"));
        Files.write(dir.resolve("empty.txt"), new byte[0]);
        Files.writeString(dir.resolve("blank.txt"), "   \n\t\n");
        Files.write(dir.resolve("bom.txt"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        Files.writeString(dir.resolve("comment.txt"), "# just a comment\n");
        Files.write(dir.resolve("trunc.txt"), new byte[] {'x', ' ', '+', ' ', (byte) 0xC3});
        Files.write(dir.resolve("overlong.txt"), new byte[] {(byte) 0xC0, (byte) 0x80, 'x'});
        Files.write(dir.resolve("surrogate.txt"), new byte[] {'x', ' ', '+', ' ', (byte) 0xED, (byte) 0xA0, (byte) 0x80});
        Files.write(dir.resolve("utf16.txt"), new byte[] {(byte) 0xFF, (byte) 0xFE, 'x', 0});
        Files.write(dir.resolve("img.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0});
        Files.writeString(dir.resolve("ok.txt"), "x^2\n");
        Files.writeString(dir.resolve("defonly.txt"), "x := 1\n");
    }

    static Arguments row(String message, int caret, String... args) {
        return Arguments.of(message, caret, List.of(args));
    }

    static Stream<Arguments> catalogue() {
        return Stream.of(
            row("unexpected character '@' at line 1, column 3", 3, "eval", "x @ y", "--at", "x=1,y=1"),
            row("unexpected character '~' at line 1, column 3", 3, "eval", "x ~ y", "--at", "x=1,y=1"),
            row("unexpected character '!' at line 1, column 2", 2, "eval", "x!", "--at", "x=1"),
            row("unexpected character '&' at line 1, column 3", 3, "eval", "x & y", "--at", "x=1,y=1"),
            row("unexpected character '?' at line 1, column 3", 3, "eval", "x ? 1 : 2", "--at", "x=1"),
            row("unexpected character '\"' at line 1, column 1", 1, "eval", "\"x\"", "--at", "x=1"),
            row("unexpected character ''' at line 1, column 2", 2, "eval", "x'", "--at", "x=1"),
            row("unexpected character '{': group with ( and ) at line 1, column 2", 2, "eval", "x{1}", "--at", "x=1"),
            row("unexpected character '\\' at line 1, column 2", 2, "eval", "x\\y", "--at", "x=1"),
            row("unexpected character '`' at line 1, column 1", 1, "eval", "`x`", "--at", "x=1"),
            row("unexpected character '%' at line 1, column 3", 3, "eval", "x % 2", "--at", "x=1"),
            row("unexpected character '√' at line 1, column 1", 1, "eval", "√x", "--at", "x=1"),
            row("unexpected character '∂' at line 1, column 1", 1, "eval", "∂x", "--at", "x=1"),
            row("unexpected character ']': group with ( and ) at line 1, column 2", 2, "eval", "x]", "--at", "x=1"),
            row("unexpected character '{': group with ( and ) at line 1, column 1", 1, "eval", "{x}", "--at", "x=1"),
            row("no value for 'x1F': give it with --at x1F=... at line 1, column 2", 2, "eval", "0x1F", "--at", "x=1"),
            row("unexpected character '.': a decimal point needs digits after it at line 1, column 2", 2, "eval", "1.", "--at", "x=1"),
            row("unexpected character '😀' at line 1, column 3", 3, "eval", "x 😀", "--at", "x=1"),
            row("unexpected end of input after '+' at line 1, column 2", 2, "eval", "+", "--at", "x=1"),
            row("unexpected '*' at line 1, column 1", 1, "eval", "*x", "--at", "x=1"),
            row("unexpected '/' at line 1, column 1", 1, "eval", "/x", "--at", "x=1"),
            row("unexpected '^' at line 1, column 1", 1, "eval", "^x", "--at", "x=1"),
            row("unexpected end of input after '*' at line 1, column 4", 4, "eval", "x *", "--at", "x=1"),
            row("unexpected end of input after '/' at line 1, column 4", 4, "eval", "x /", "--at", "x=1"),
            row("unexpected end of input after '-' at line 1, column 4", 4, "eval", "x -", "--at", "x=1"),
            row("unexpected '/' after '/' at line 1, column 5", 5, "eval", "x / / y", "--at", "x=1"),
            row("unexpected '^' after '^' at line 1, column 5", 5, "eval", "x ^ ^ 2", "--at", "x=1"),
            row("unexpected '*' after '+' at line 1, column 5", 5, "eval", "x + * y", "--at", "x=1"),
            row("sin takes 1 argument, but 0 were given at line 1, column 1", 1, "eval", "sin()", "--at", "x=1"),
            row("unexpected ',' at line 1, column 5", 5, "eval", "sin(,x)", "--at", "x=1"),
            row("unexpected ')' at line 1, column 7", 7, "eval", "max(x,)", "--at", "x=1"),
            row("unexpected ',' at line 1, column 5", 5, "eval", "max(,)", "--at", "x=1"),
            row("unexpected ',' at line 1, column 2", 2, "eval", "(,)", "--at", "x=1"),
            row("unmatched ')' at line 1, column 4", 4, "eval", "(x))", "--at", "x=1"),
            row("'(' is not closed at line 1, column 1", 1, "eval", "((x)", "--at", "x=1"),
            row("unexpected end of input at line 1, column 8", 8, "eval", "f(x) :=", "--at", "x=1"),
            row("unexpected ':=': only a name or a function such as f(a, b) can be defined, at the start of a statement at line 1, column 1", 1, "eval", ":= 1", "--at", "x=1"),
            row("unexpected end of input at line 1, column 5", 5, "eval", "x :=", "--at", "x=1"),
            row("unexpected ':=': only a name or a function such as f(a, b) can be defined, at the start of a statement at line 1, column 4", 4, "eval", "f( := 1", "--at", "x=1"),
            row("unexpected ':=': only a name or a function such as f(a, b) can be defined, at the start of a statement at line 1, column 6", 6, "eval", "f(1) := 2; f(1)", "--at", "x=1"),
            row("unexpected ':=': only a name or a function such as f(a, b) can be defined, at the start of a statement at line 1, column 8", 8, "eval", "f(x+1) := x; 1", "--at", "x=1"),
            row("unexpected ':=': only a name or a function such as f(a, b) can be defined, at the start of a statement at line 1, column 5", 5, "eval", "f() := 1; f()", "--at", "x=1"),
            row("unexpected character '=': write := to define a name (comparisons are < <= > >=, inside if(...)) at line 1, column 3", 3, "eval", "x == 1", "--at", "x=1"),
            row("unexpected character '!' at line 1, column 3", 3, "eval", "x != 1", "--at", "x=1"),
            row("a comparison is allowed only as a condition of if(...), as in if(x > 0, x, 0) at line 1, column 3", 3, "eval", "x <> 1", "--at", "x=1"),
            row("unexpected character '=': write := to define a name (comparisons are < <= > >=, inside if(...)) at line 1, column 3", 3, "eval", "x => 1", "--at", "x=1"),
            row("a comparison is allowed only as a condition of if(...), as in if(x > 0, x, 0) at line 1, column 3", 3, "eval", "x >", "--at", "x=1"),
            row("missing operator between 'x' and '2' at line 1, column 3", 3, "eval", "x 2", "--at", "x=1"),
            row("missing operator between ')' and 'cos' at line 1, column 8", 8, "eval", "sin(x) cos(x)", "--at", "x=1"),
            row("unexpected end of input after '^' at line 1, column 3", 3, "eval", "e^", "--at", "x=1"),
            row("unexpected '^' after '^' at line 1, column 3", 3, "eval", "x^^2", "--at", "x=1"),
            row("the program ends with a definition: add an expression after it to give the program a value at line 1, column 4", 4, "eval", "x; y := 1", "--at", "x=1"),
            row("a comparison is allowed only as a condition of if(...), as in if(x > 0, x, 0) at line 1, column 22", 22, "eval", "if(x > 0, 1, 2) + (x > 1)", "--at", "x=1"),
            row("unexpected ',' at line 1, column 8", 8, "eval", "if(x > , 1, 2)", "--at", "x=1"),
            row("unknown function 'lg'; did you mean 'ln'? at line 1, column 1", 1, "eval", "lg(x)", "--at", "x=1"),
            row("no value for 'sigmoid': give it with --at sigmoid=... at line 1, column 1", 1, "eval", "sigmoid + 1", "--at", "x=1"),
            row("no value for 'tanh': give it with --at tanh=... at line 1, column 1", 1, "eval", "tanh", "--at", "x=1"),
            row("unknown function 'e' (to multiply, write e*(...)) at line 1, column 1", 1, "eval", "e(1)", "--at", "x=1"),
            row("unknown function 'pi' (to multiply, write pi*(...)) at line 1, column 1", 1, "eval", "pi(2)", "--at", "x=1"),
            row("missing operator between ')' and '(' at line 1, column 4", 4, "eval", "(x)(x)", "--at", "x=1"),
            row("exp takes 1 argument, but 2 were given at line 1, column 1", 1, "eval", "exp(x, x)", "--at", "x=1"),
            row("ln takes 1 argument, but 3 were given at line 1, column 1", 1, "eval", "log(x, 2, 3)", "--at", "x=1"),
            row("tanh takes 1 argument, but 0 were given at line 1, column 1", 1, "eval", "tanh()", "--at", "x=1"),
            row("abs takes 1 argument, but 2 were given at line 1, column 1", 1, "eval", "abs(1, 2)", "--at", "x=1"),
            row("min takes 2 arguments, but 3 were given at line 1, column 1", 1, "eval", "min(1, 2, 3)", "--at", "x=1"),
            row("sqrt takes 1 argument, but 0 were given at line 1, column 1", 1, "eval", "sqrt()", "--at", "x=1"),
            row("if takes a condition, a value and an otherwise value, as in if(x > 0, x, 0) (more branches: if(c1, a, c2, b, otherwise)), but 0 were given at line 1, column 1", 1, "eval", "if()", "--at", "x=1"),
            row("diff takes an expression, a variable and optionally an order, as in diff(x^2, x) or diff(x^3, x, 2), but 0 were given at line 1, column 1", 1, "eval", "diff()", "--at", "x=1"),
            row("diff takes an expression, a variable and optionally an order, as in diff(x^2, x) or diff(x^3, x, 2), but 4 were given at line 1, column 1", 1, "eval", "diff(x, x, 2, 3)", "--at", "x=1"),
            row("a comparison is allowed only as a condition of if(...), as in if(x > 0, x, 0) at line 1, column 16", 16, "eval", "if(x > 0, 1, x < 0)", "--at", "x=1"),
            row("'g' is called before it is defined (definition: line 1, column 15); definitions must come before their uses at line 1, column 9", 9, "eval", "f(x) := g(x); g(x) := f(x); f(1)", "--at", "x=1"),
            row("'g' is called before it is defined (definition: line 1, column 19); definitions must come before their uses at line 1, column 9", 9, "eval", "f(x) := g(x) + 1; g(y) := h(y); h(z) := f(z); 1", "--at", "x=1"),
            row("'exp' is a built-in function and cannot be redefined at line 1, column 1", 1, "eval", "exp(x) := x; 1", "--at", "x=1"),
            row("'diff' is reserved and cannot be defined at line 1, column 1", 1, "eval", "diff := 1; 2", "--at", "x=1"),
            row("'diff' is reserved and cannot be defined at line 1, column 1", 1, "eval", "diff(x) := x; 2", "--at", "x=1"),
            row("'f' is defined twice (first definition: line 1, column 1) at line 1, column 12", 12, "eval", "f(x) := x; f(x) := 2*x; f(1)", "--at", "x=1"),
            row("'f' is defined twice (first definition: line 1, column 1) at line 1, column 9", 9, "eval", "f := 1; f(x) := x; 1", "--at", "x=1"),
            row("'f' is defined twice (first definition: line 1, column 1) at line 1, column 12", 12, "eval", "f(x) := x; f := 2; 1", "--at", "x=1"),
            row("parameter 'a' appears twice at line 1, column 6", 6, "eval", "f(a, a, b) := a; 1", "--at", "x=1"),
            row("f takes 1 argument, but 2 were given at line 1, column 12", 12, "eval", "f(x) := x; f(1, 2)", "--at", "x=1"),
            row("f takes 1 argument, but 0 were given at line 1, column 12", 12, "eval", "f(x) := x; f()", "--at", "x=1"),
            row("'f' is a function: call it as f(...) at line 1, column 17", 17, "eval", "f(x) := x; g := f; 1", "--at", "x=1"),
            row("'m' is defined as a value, not a function: write m*(...) to multiply at line 1, column 9", 9, "eval", "m := 1; m(2)", "--at", "x=1"),
            row("diff differentiates with respect to a variable name, as in diff(x^2, x), not '2.5' at line 1, column 11", 11, "eval", "diff(x^2, 2.5)", "--at", "x=1"),
            row("diff differentiates with respect to a variable name, as in diff(x^2, x), not 'pi' at line 1, column 11", 11, "eval", "diff(x^2, pi)", "--at", "x=1"),
            row("diff differentiates with respect to a variable name, as in diff(x^2, x), not 'sin(x)' at line 1, column 11", 11, "eval", "diff(x^2, sin(x))", "--at", "x=1"),
            row("diff differentiates with respect to a variable name, as in diff(x^2, x), not '-x' at line 1, column 11", 11, "eval", "diff(x^2, -x)", "--at", "x=1"),
            row("the order of diff must be a whole number from 1 to 100 at line 1, column 14", 14, "eval", "diff(x^2, x, -1)", "--at", "x=1"),
            row("the order of diff must be a whole number from 1 to 100 at line 1, column 14", 14, "eval", "diff(x^2, x, 1.5)", "--at", "x=1"),
            row("the order of diff must be a whole number from 1 to 100 at line 1, column 14", 14, "eval", "diff(x^2, x, 101)", "--at", "x=1"),
            row("the order of diff must be a whole number from 1 to 100 at line 1, column 14", 14, "eval", "diff(x^2, x, y)", "--at", "x=1"),
            row("the order of diff must be a whole number from 1 to 100 at line 1, column 14", 14, "eval", "diff(x^2, x, 1/2)", "--at", "x=1"),
            row("'1=2' is not a number (the value of x) at line 1, column 3", 3, "eval", "x", "--at", "x=1=2"),
            row("'--' is not a number (the value of x) at line 1, column 3", 3, "eval", "x", "--at", "x=--"),
            row("'nan' is not a number (the value of x) at line 1, column 3", 3, "eval", "x", "--at", "x=nan"),
            row("'inf' is not a number (the value of x) at line 1, column 3", 3, "eval", "x", "--at", "x=inf"),
            row("'Infinity' is not a number (the value of x) at line 1, column 3", 3, "eval", "x", "--at", "x=Infinity"),
            row("no value for 'x': give it with --at x=... at line 1, column 1", 1, "eval", "x", "--at", "sin=1"),
            row("no value for 'x': give it with --at x=... at line 1, column 1", 1, "eval", "x", "--at", "e=1"),
            row("no value for 'x': give it with --at x=... at line 1, column 1", 1, "eval", "x", "--at", "pi=2"),
            row("'1;y=2' is not a number (the value of x) at line 1, column 3", 3, "eval", "x", "--at", "x=1;y=2"),
            row("expected name=value in --at, got 'x:1' at line 1, column 1", 1, "eval", "x", "--at", "x:1"),
            row("'sin(' is not a number (the value of x) at line 1, column 3", 3, "eval", "x", "--at", "x=sin("),
            row("'1 y=2' is not a number (the value of x) at line 1, column 3", 3, "eval", "x", "--at", "x=1 y=2"),
            row("empty assignment in --at: expected name=value at line 1, column 5", 5, "eval", "x", "--at", "x=1,"),
            row("'=1' is not a number (the value of x) at line 1, column 3", 3, "eval", "x", "--at", "x==1"),
            row("'0x10' is not a number (the value of x) at line 1, column 3", 3, "eval", "x", "--at", "x=0x10"),
            row("'log(-1)' is not a finite number (the value of x) at line 1, column 3", 3, "eval", "x", "--at", "x=log(-1)"),
            row("'sqrt(-1)' is not a finite number (the value of x) at line 1, column 3", 3, "eval", "x", "--at", "x=sqrt(-1)"),
            row("'y' is not a number (the value of x) at line 1, column 3", 3, "eval", "x", "--at", "x=y"),
            row("'x' is given twice in --at at line 1, column 9", 9, "eval", "x", "--at", "x=1,y=2,x=3"),
            row("missing required parameter for option '--at' (ASSIGN)", -1, "eval", "x", "--at"),
            row("unknown option '--wrt'", -1, "eval", "x", "--wrt", "x"),
            row("unknown option '--format'", -1, "eval", "x", "--at", "x=1", "--format", "xml"),
            row("unknown option '--order'", -1, "eval", "x", "--order", "2"),
            row("missing required option: '--wrt=VAR'", -1, "diff", "x^2"),
            row("--order must be from 1 to 100, got 0", -1, "diff", "x^2", "--wrt", "x", "--order", "0"),
            row("--order must be from 1 to 100, got 101", -1, "diff", "x^2", "--wrt", "x", "--order", "101"),
            row("invalid value for option '--order': 'abc' is not an int", -1, "diff", "x^2", "--wrt", "x", "--order", "abc"),
            row("--order must be from 1 to 100, got -3", -1, "diff", "x^2", "--wrt", "x", "--order", "-3"),
            row("--order needs exactly one --wrt variable (for mixed partials give several --wrt)", -1, "diff", "x*y", "--wrt", "x", "--wrt", "y", "--order", "2"),
            row("invalid value for option '--format': expected one of [text, latex, json] (case-insensitive) but was 'xml'", -1, "diff", "x^2", "--wrt", "x", "--format", "xml"),
            row("--wrt: '1x' is not a variable name", -1, "diff", "x^2", "--wrt", "1x"),
            row("--wrt needs a variable name", -1, "diff", "x^2", "--wrt", ""),
            row("missing required parameter for option '--wrt' (VAR)", -1, "diff", "x^2", "--wrt"),
            row("--wrt: 'sin' is a built-in function, not a variable", -1, "diff", "x^2", "--wrt", "sin"),
            row("--wrt: 'e' is a constant, not a variable", -1, "diff", "x^2", "--wrt", "e"),
            row("--wrt: 'f' is a function, not a variable", -1, "diff", "f(a) := a; f(x)", "--wrt", "f"),
            row("--wrt: 'pi' is a constant, not a variable", -1, "diff", "x^2", "--wrt", "pi"),
            row("'abc' is not a number (the value of x) at line 1, column 3", 3, "diff", "x^2", "--wrt", "x", "--at", "x=abc"),
            row("no value for 'x': give it with --at x=... at line 1, column 1", 1, "diff", "x^2", "--wrt", "x", "--at", "y=1"),
            row("--scale must be a number above 0 and at most 20, not 0.0", -1, "diff", "x^2", "--wrt", "x", "--png", "{dir}/a.png", "--scale", "0"),
            row("--page must be a4 or letter, not 'a3'", -1, "diff", "x^2", "--wrt", "x", "--pdf", "{dir}/a.pdf", "--page", "a3"),
            row("invalid value for option '--timeout': 'abc' is not a double", -1, "diff", "x^2", "--wrt", "x", "--timeout", "abc"),
            row("--timeout must be a number of seconds above 0, not -1", -1, "diff", "x^2", "--wrt", "x", "--timeout", "-1"),
            row("--timeout must be a number of seconds above 0, not 0", -1, "diff", "x^2", "--wrt", "x", "--timeout", "0"),
            row("unknown option '--bogus'", -1, "diff", "x^2", "--wrt", "x", "--steps", "--format", "json", "--raw", "--bogus"),
            row("--wrt needs a variable name", -1, "grad", "x*y", "--wrt", "x,,y"),
            row("--wrt: '1x' is not a variable name", -1, "grad", "x*y", "--wrt", "1x"),
            row("invalid value for option '--format': expected one of [text, latex, json] (case-insensitive) but was 'xml'", -1, "grad", "x*y", "--format", "xml"),
            row("unknown option '--order'", -1, "grad", "x*y", "--order", "2"),
            row("no value for 'y': give it with --at y=... at line 1, column 3", 3, "grad", "x*y", "--at", "x=1"),
            row("--wrt: 'sin' is a built-in function, not a variable", -1, "grad", "x*y", "--wrt", "sin"),
            row("--scale must be a number above 0 and at most 20, not -2.0", -1, "grad", "x*y", "--scale", "-2", "--png", "{dir}/g.png"),
            row("invalid value for option '--format': expected one of [text, latex, json] (case-insensitive) but was 'xml'", -1, "simplify", "x+x", "--format", "xml"),
            row("unknown option '--wrt'", -1, "simplify", "x+x", "--wrt", "x"),
            row("unknown option '--at'", -1, "simplify", "x+x", "--at", "x=1"),
            row("unexpected end of input after '+' at line 1, column 3", 3, "simplify", "x+"),
            row("an expression is required (or -f FILE, or - for standard input)", -1, "simplify"),
            row("invalid value for option '--timeout': 'abc' is not a double", -1, "simplify", "x", "--timeout", "abc"),
            row("check needs a function and a claimed derivative: deriv check F CLAIMED --wrt V (or --chain FILE)", -1, "check", "x^2"),
            row("check needs --wrt V: the variable of the derivative", -1, "check", "x^2", "2*x"),
            row("check prints text or json (--format text|json)", -1, "check", "x^2", "2*x", "--wrt", "x", "--format", "latex"),
            row("invalid value for option '--format': expected one of [text, latex, json] (case-insensitive) but was 'xml'", -1, "check", "x^2", "2*x", "--wrt", "x", "--format", "xml"),
            row("--chain takes no expressions and no --wrt: the file holds the whole derivation", -1, "check", "x^2", "2*x", "--wrt", "x", "--chain", "{dir}/ok.txt"),
            row("cannot read {dir}/missing.txt: no such file", -1, "check", "--chain", "{dir}/missing.txt"),
            row("{dir}/empty.txt: a chain needs at least two expressions (one per line), found 0", -1, "check", "--chain", "{dir}/empty.txt"),
            row("cannot read {dir}/img.png: it looks like a binary file (it contains NUL bytes)", -1, "check", "--chain", "{dir}/img.png"),
            row("unexpected end of input after '+' at line 1, column 5", 5, "check", "x^2", "2*x+", "--wrt", "x"),
            row("unexpected end of input after '^' at line 1, column 3", 3, "check", "x^", "2*x", "--wrt", "x"),
            row("--wrt: '1x' is not a variable name", -1, "check", "x^2", "2*x", "--wrt", "1x"),
            row("unknown option '--bogus'", -1, "check", "x^2", "2*x", "--wrt", "x", "--bogus"),
            row("unknown option '--bogus'", -1, "check", "x^2", "2*x", "--wrt", "x", "--latex", "--bogus"),
            row("unbalanced braces: '{' is never closed at line 1, column 9", 9, "check", "\\frac{x}{", "1", "--wrt", "x", "--latex"),
            row("\\sqrt needs an argument, as in \\sqrt{x} at line 1, column 1", 1, "check", "x^2", "\\sqrt", "--wrt", "x", "--latex"),
            row("unsupported LaTeX command \\foo at line 1, column 1", 1, "check", "\\foo{x}", "1", "--wrt", "x", "--latex"),
            row("unbalanced braces: '}' has no matching '{' at line 1, column 3", 3, "check", "x^2", "2x}", "--wrt", "x", "--latex"),
            row("unbalanced brackets: '(' is never closed at line 1, column 6", 6, "check", "\\left( x", "1", "--wrt", "x", "--latex"),
            row("unbalanced braces: '{' is never closed at line 1, column 3", 3, "check", "x^{2", "2*x", "--wrt", "x", "--latex"),
            row("--chain takes no expressions and no --wrt: the file holds the whole derivation", -1, "check", "x^2", "2*x", "--wrt", "x", "--latex", "--chain", "{dir}/ok.txt"),
            row("\\sin needs an argument, as in \\sin(x) at line 1, column 1", 1, "check", "\\sin", "1", "--wrt", "x", "--latex"),
            row("unsupported LaTeX command \\$ at line 1, column 3", 3, "check", "x \\$ 2", "1", "--wrt", "x", "--latex"),
            row("unexpected argument 'x'", -1, "check", "x^2", "2*x", "--wrt", "x", "x"),
            row("unknown --lang 'cobol': expected java, python or c", -1, "codegen", "x^2", "--lang", "cobol"),
            row("--vars: 'x' is listed twice", -1, "codegen", "x*y", "--vars", "x,x"),
            row("--vars has an empty name", -1, "codegen", "x*y", "--vars", "x,,y"),
            row("--vars: 'y' is a variable of the expression but not among the parameters (x) at line 1, column 3", 3, "codegen", "x*y", "--vars", "x"),
            row("--wrt: 'z' is not a variable of the expression (its variables: x, y)", -1, "codegen", "x*y", "--wrt", "z"),
            row("--wrt: '1x' is not a variable name", -1, "codegen", "x*y", "--wrt", "1x"),
            row("cannot write {dir}/nodir/g.py: no such directory", -1, "codegen", "x*y", "--out", "{dir}/nodir/g.py"),
            row("--out {dir}/1bad.java: the class is named after the file, and '1bad' is not a usable Java class name (try Gen.java)", -1, "codegen", "x*y", "--out", "{dir}/1bad.java"),
            row("cannot write {dir}/d: it is a directory", -1, "codegen", "x*y", "--out", "{dir}/d"),
            row("unknown option '--format'", -1, "codegen", "x*y", "--format", "json"),
            row("--out {dir}/class.java: the class is named after the file, and 'class' is not a usable Java class name (try Gen.java)", -1, "codegen", "x*y", "--main", "--lang", "java", "--out", "{dir}/class.java"),
            row("--wrt: 'sin' is a built-in function, not a variable", -1, "codegen", "x*y", "--vars", "sin"),
            row("--points must be from 1 to 100000, got -1", -1, "gradcheck", "x^2", "--points", "-1"),
            row("--points must be from 1 to 100000, got 0", -1, "gradcheck", "x^2", "--points", "0"),
            row("--points must be from 1 to 100000, got 100001", -1, "gradcheck", "x^2", "--points", "100001"),
            row("invalid value for option '--points': 'abc' is not an int", -1, "gradcheck", "x^2", "--points", "abc"),
            row("invalid value for option '--seed': 'abc' is not a long", -1, "gradcheck", "x^2", "--seed", "abc"),
            row("--wrt: 'y' is not a variable of the expression (its variables: x)", -1, "gradcheck", "x^2", "--wrt", "y"),
            row("gradcheck: found no point where f is finite and away from kinks (tried 1000); nothing was compared", -1, "gradcheck", "log(-1 - x^2)"),
            row("unknown option '--format'", -1, "gradcheck", "x^2", "--format", "xml"),
            row("invalid value for option '--format': expected one of [latex] (case-insensitive) but was 'xml'", -1, "render", "x^2", "--format", "xml"),
            row("--scale must be a number above 0 and at most 20, not 0.0", -1, "render", "x^2", "--png", "{dir}/r.png", "--scale", "0"),
            row("--scale must be a number above 0 and at most 20, not 21.0", -1, "render", "x^2", "--png", "{dir}/r.png", "--scale", "21"),
            row("invalid value for option '--scale': 'abc' is not a float", -1, "render", "x^2", "--png", "{dir}/r.png", "--scale", "abc"),
            row("--page must be a4 or letter, not 'a3'", -1, "render", "x^2", "--pdf", "{dir}/r.pdf", "--page", "a3"),
            row("unknown option '--wrt'", -1, "render", "x^2", "--wrt", "x"),
            row("unexpected end of input after '^' at line 1, column 3", 3, "render", "x^"),
            row("unknown command 'frobnicate'", -1, "frobnicate", "x"),
            row("unknown option '--bogus'", -1, "--bogus"),
            row("a command is required (see deriv --help)", -1),
            row("empty input: expected an expression at line 1, column 1", 1, "eval", "-f", "{dir}/empty.txt"),
            row("empty input: expected an expression at line 1, column 1", 1, "eval", "-f", "{dir}/blank.txt"),
            row("empty input: expected an expression at line 1, column 1", 1, "eval", "-f", "{dir}/bom.txt"),
            row("empty input: expected an expression at line 1, column 1", 1, "eval", "-f", "{dir}/comment.txt"),
            row("cannot read {dir}/trunc.txt: it is not valid UTF-8 text (byte 0xC3) at line 1, column 5", 5, "eval", "-f", "{dir}/trunc.txt"),
            row("cannot read {dir}/overlong.txt: it is not valid UTF-8 text (byte 0xC0) at line 1, column 1", 1, "eval", "-f", "{dir}/overlong.txt"),
            row("cannot read {dir}/surrogate.txt: it is not valid UTF-8 text (byte 0xED) at line 1, column 5", 5, "eval", "-f", "{dir}/surrogate.txt"),
            row("cannot read {dir}/utf16.txt: it looks like a binary file (it contains NUL bytes)", -1, "eval", "-f", "{dir}/utf16.txt"),
            row("cannot read {dir}/img.png: it looks like a binary file (it contains NUL bytes)", -1, "eval", "-f", "{dir}/img.png"),
            row("the program ends with a definition: add an expression after it to give the program a value at line 1, column 1", 1, "eval", "-f", "{dir}/defonly.txt"),
            row("missing required parameter for option '--file' (FILE)", -1, "eval", "-f"),
            row("cannot read {dir}/missing.txt: no such file", -1, "diff", "-f", "{dir}/missing.txt", "--wrt", "x"),
            row("cannot read {dir}/d: it is a directory", -1, "diff", "-f", "{dir}/d", "--wrt", "x"),
            row("cannot read {dir}/utf16.txt: it looks like a binary file (it contains NUL bytes)", -1, "grad", "-f", "{dir}/utf16.txt"),
            row("cannot read {dir}/trunc.txt: it is not valid UTF-8 text (byte 0xC3) at line 1, column 5", 5, "simplify", "-f", "{dir}/trunc.txt"),
            row("empty input: expected an expression at line 1, column 1", 1, "codegen", "-f", "{dir}/empty.txt"),
            row("cannot read {dir}/img.png: it looks like a binary file (it contains NUL bytes)", -1, "render", "-f", "{dir}/img.png"),
            row("cannot read {dir}/overlong.txt: it is not valid UTF-8 text (byte 0xC0) at line 1, column 1", 1, "gradcheck", "-f", "{dir}/overlong.txt"),
            // rendering to a path that cannot be written
            row("cannot write {dir}/nodir/out.png: no such directory", -1, "diff", "x^2", "--wrt", "x", "--png", "{dir}/nodir/out.png"),
            row("cannot write {dir}/d: it is a directory", -1, "diff", "x^2", "--wrt", "x", "--png", "{dir}/d"),
            row("cannot write {dir}/nodir/out.svg: no such directory", -1, "diff", "x^2", "--wrt", "x", "--svg", "{dir}/nodir/out.svg"),
            row("cannot write {dir}/nodir/out.pdf: no such directory", -1, "diff", "x^2", "--wrt", "x", "--pdf", "{dir}/nodir/out.pdf"),
            row("cannot write {dir}/nodir/g.png: no such directory", -1, "grad", "x*y", "--png", "{dir}/nodir/g.png"),
            row("cannot write {dir}/nodir/r.png: no such directory", -1, "render", "x^2", "--png", "{dir}/nodir/r.png"),
            row("cannot write {dir}/d: it is a directory", -1, "render", "x^2", "--svg", "{dir}/d"),
            row("cannot write {dir}/nodir/r.pdf: no such directory", -1, "render", "x^2", "--pdf", "{dir}/nodir/r.pdf"));
    }

    @ParameterizedTest(name = "{2} -> {0}")
    @MethodSource("catalogue")
    void exitsTwoWithTheMessage(String message, int caret, List<String> args) {
        String d = dir.toString();
        Run r = run(args.stream().map(a -> a.replace("{dir}", d)).toArray(String[]::new));
        assertClean(r);
        String[] lines = r.err().split("\n");
        assertEquals("error: " + message.replace("{dir}", d), lines[0]);
        if (caret < 0) {
            // one line, or picocli's usage hint under it
            assertTrue(lines.length == 1 || lines.length == 2 && lines[1].startsWith("usage: "), r.err());
        } else {
            assertTrue(lines[0].endsWith(", column " + caret), lines[0]);
            assertEquals(3, lines.length, r.err());
            assertEquals("  " + " ".repeat(caret - 1) + "^", lines[2], "caret under column " + caret);
        }
    }

    static void assertClean(Run r) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
    }

    // ---- limits ----

    @Test
    void nestingDepthInEveryCommand() {
        String deep = "(".repeat(1001) + "x" + ")".repeat(1001);
        for (String[] cmd : List.of(new String[] {"diff", deep, "--wrt", "x"}, new String[] {"simplify", deep},
                                    new String[] {"grad", deep}, new String[] {"codegen", deep})) {
            Run r = run(cmd);
            assertClean(r);
            assertTrue(r.err().startsWith("error: nesting deeper than 1000 levels at line 1, column 1001\n"), r.err());
        }
    }

    @Test
    void inputSize() throws IOException {
        Run r = run("diff", "x+".repeat(500_000) + "x", "--wrt", "x");
        assertClean(r);
        assertEquals("error: input too large: 1000001 characters (the limit is 1000000)\n", r.err());
        Path big = dir.resolve("big.txt");
        Files.writeString(big, "x".repeat(Input.MAX_BYTES + 1));
        r = run("simplify", "-f", big.toString());
        assertClean(r);
        assertEquals("error: cannot read " + big + ": larger than 4000000 bytes\n", r.err());
    }

    @Test
    void growthOfAHighOrderDerivative() {
        Run r = run("diff", "sin(x)*cos(x)*tanh(x)*exp(x)", "--wrt", "x", "--order", "30", "--raw");
        assertClean(r);
        assertTrue(r.err().startsWith("error: the derivative grew past 2,000,000 tree nodes"), r.err());
        assertEquals(1, r.err().split("\n").length, r.err());
    }

    @Test
    void orderLimit() {
        Run r = run("diff", "x^2", "--wrt", "x", "--order", "1000000");
        assertClean(r);
        assertEquals("error: --order must be from 1 to 100, got 1000000\n", r.err());
    }

    @Test
    void timeLimit() {
        Run r = run("diff", "sin(x)*cos(x)*tanh(x)*exp(x)", "--wrt", "x", "--order", "30", "--raw", "--timeout", "0.2");
        assertClean(r);
        assertEquals("error: gave up after 0.2 s (--timeout); the expression may be too large\n", r.err());
    }

    @Test
    void outputSizeIsRefusedWhole() {
        String[] args = {"codegen", "sigmoid(w*x + b)", "--lang", "python"};
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(0, Main.run(args, new PrintWriter(out), new PrintWriter(err)));
        int n = out.toString().length();
        assertTrue(n > 100, out.toString());

        StringWriter out2 = new StringWriter(), err2 = new StringWriter();
        int code = Main.run(args, new PrintWriter(out2), new PrintWriter(err2), 100);
        Run r = new Run(code, out2.toString(), err2.toString());
        assertClean(r);
        assertEquals("error: output too large: " + n + " characters (the limit is 100); write to a file with --out or --png, "
            + "or differentiate fewer times\n", r.err());

        // just under the limit everything is printed
        StringWriter out3 = new StringWriter();
        assertEquals(0, Main.run(args, new PrintWriter(out3), new PrintWriter(new StringWriter()), n));
        assertEquals(out.toString(), out3.toString());
    }

    @Test
    void theLimitsAreInTheHelp() {
        StringWriter out = new StringWriter();
        assertEquals(0, Main.run(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(new StringWriter())));
        String help = out.toString().replaceAll("\\s+", " ");
        for (String limit : List.of("1,000,000 characters", "1,000 levels", "2,000,000 tree nodes", "10,000,000", "--timeout")) {
            assertTrue(help.contains(limit), limit + " in " + help);
        }
    }

    @Test
    void theCatalogueHasManyKinds() {
        assertTrue(catalogue().count() >= 110, "with ErrorMessagesTest's cases, at least 200 kinds");
        assertEquals(catalogue().count(), catalogue().map(a -> Arrays.asList(a.get()).toString()).distinct().count(), "no row twice");
    }
}
