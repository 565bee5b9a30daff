package deriv.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per distinct error message of the language and of eval: exit code 2, the exact message,
 * the caret under the right column, nothing on standard output, and no stack trace.
 */
class ErrorMessagesTest {

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** {@code deriv eval TEXT --at x=1} fails with MESSAGE at line:column of TEXT. */
    static Arguments eval(String text, String message, int line, int column) {
        return Arguments.of(List.of("eval", text, "--at", "x=1"), text, message, line, column);
    }

    /** {@code deriv eval EXPR --at AT} fails with MESSAGE at column of the --at text. */
    static Arguments at(String expr, String at, String message, int column) {
        return Arguments.of(List.of("eval", expr, "--at", at), at, message, 1, column);
    }

    static Stream<Arguments> located() {
        String deep = "(".repeat(5000) + "x" + ")".repeat(5000);
        return Stream.of(
            // lexical
            eval("x $ y", "unexpected character '$'", 1, 3),
            eval("x\u0007", "unexpected character U+0007", 1, 2),
            eval("x = 1", "unexpected character '=': write := to define a name (comparisons are < <= > >=, inside if(...))", 1, 3),
            eval("x : 1", "unexpected character ':': a definition is written name := expression", 1, 3),
            eval("|x|", "unexpected character '|': write abs(x) for an absolute value", 1, 1),
            eval("x²", "unexpected character '²': write x^2 for a power", 1, 2),
            eval("a[1]", "unexpected character '[': group with ( and )", 1, 2),
            eval("3..2", "unexpected character '.': a decimal point needs digits after it", 1, 2),
            eval("1e5000", "number '1e5000' is out of range (at most 1000 digits and exponents from -1000 to 1000)", 1, 1),
            // syntax
            eval("x +", "unexpected end of input after '+'", 1, 4),
            eval("x ^", "unexpected end of input after '^'", 1, 4),
            eval("x +\n1", "unexpected end of line after '+'", 1, 4),
            eval("sin(", "'(' is not closed", 1, 4),
            eval("(x + 1", "'(' is not closed", 1, 1),
            eval("(x\n y := 2\ny", "'(' is not closed", 1, 1),
            eval("(x +\n y := 2\ny", "unexpected ':=' (the '(' at line 1, column 1 is not closed)", 2, 4),
            eval("2 * * x", "unexpected '*' after '*'", 1, 5),
            eval("(x +\n * y)", "unexpected '*' after '+'", 2, 2),
            eval("2**3", "write ^ for a power ('**' is not an operator)", 1, 3),
            eval(")x(", "unmatched ')'", 1, 1),
            eval("()", "empty parentheses '()'", 1, 2),
            eval("x, y", "unexpected ',': commas separate the arguments of a function", 1, 2),
            eval("x y", "missing operator between 'x' and 'y' (write x*y to multiply)", 1, 3),
            eval("2 3", "missing operator between '2' and '3'", 1, 3),
            eval("sin x", "'sin' is a function: write its argument in parentheses, as in sin(x)", 1, 5),
            eval("1.5.2", "malformed number '1.5.2'", 1, 1),
            eval("2 := 3", "unexpected ':=': only a name or a function such as f(a, b) can be defined, at the start of a statement", 1, 3),
            eval("x < 1", "a comparison is allowed only as a condition of if(...), as in if(x > 0, x, 0)", 1, 3),
            eval("if(0 < x < 1, 1, 2)", "comparisons cannot be chained: write if(a < b, if(b < c, ..., ...), ...)", 1, 10),
            eval("sin(x < 1)", "a comparison is allowed only as a condition of if(...), as in if(x > 0, x, 0)", 1, 7),
            // names and calls
            eval("sigmoud(x)", "unknown function 'sigmoud'; did you mean 'sigmoid'?", 1, 1),
            eval("2*tnah(x)", "unknown function 'tnah'; did you mean 'tanh'?", 1, 3),
            eval("foo(x)", "unknown function 'foo'", 1, 1),
            eval("x(1)", "unknown function 'x' (to multiply, write x*(...))", 1, 1),
            eval("sin(x, x)", "sin takes 1 argument, but 2 were given", 1, 1),
            eval("sigmoid()", "sigmoid takes 1 argument, but 0 were given", 1, 1),
            eval("max(x)", "max takes 2 arguments, but 1 was given", 1, 1),
            eval("LeakyReLU(x, 1, 2)", "LeakyReLU takes 1 or 2 arguments, but 3 were given", 1, 1),
            eval("f(a, b) := a*b; f(1)", "f takes 2 arguments, but 1 was given", 1, 17),
            eval("f(a) := a; f + 1", "'f' is a function: call it as f(...)", 1, 12),
            eval("m := 2; m(x)", "'m' is defined as a value, not a function: write m*(...) to multiply", 1, 9),
            eval("diff + 1", "'diff' needs arguments: diff(...)", 1, 1),
            // if and diff
            eval("if(x > 0, 1)", "if takes a condition, a value and an otherwise value, as in if(x > 0, x, 0) "
                + "(more branches: if(c1, a, c2, b, otherwise)), but 2 were given", 1, 1),
            eval("if(x, 1, 2)", "expected a condition such as x > 0 as argument 1 of if(...)", 1, 4),
            eval("diff(x^2, 3)", "diff differentiates with respect to a variable name, as in diff(x^2, x), not '3'", 1, 11),
            eval("diff(x^2, x+1)", "diff differentiates with respect to a variable name, as in diff(x^2, x), not 'x+1'", 1, 11),
            eval("diff(x^2, e)", "diff differentiates with respect to a variable name, as in diff(x^2, x), not 'e'", 1, 11),
            eval("diff(x)", "diff takes an expression, a variable and optionally an order, as in diff(x^2, x) or "
                + "diff(x^3, x, 2), but 1 was given", 1, 1),
            eval("diff(x^2, x, 0)", "the order of diff must be a whole number from 1 to 100", 1, 14),
            eval("f(a) := a; diff(f(x), f)", "cannot differentiate with respect to the function 'f'", 1, 23),
            // definitions
            eval("f(x) := f(x); f(1)", "the definition of 'f' refers to itself (definitions cannot be recursive)", 1, 9),
            eval("m := m + 1; m", "the definition of 'm' refers to itself (definitions cannot be recursive)", 1, 6),
            eval("x; x := 1; x", "'x' is defined after it is used (first use: line 1, column 1); "
                + "definitions must come before their uses", 1, 4),
            eval("a := b\nb := a\na", "'b' is defined after it is used (first use: line 1, column 6); "
                + "definitions must come before their uses", 2, 1),
            eval("f(x) := g(x); g(x) := x; f(1)", "'g' is called before it is defined (definition: line 1, column 15); "
                + "definitions must come before their uses", 1, 9),
            eval("sin(x) := x; 1", "'sin' is a built-in function and cannot be redefined", 1, 1),
            eval("ReLU := 2; 1", "'ReLU' is a built-in function and cannot be redefined", 1, 1),
            eval("if := 1; 2", "'if' is reserved and cannot be defined", 1, 1),
            eval("a := 1; a := 2; a", "'a' is defined twice (first definition: line 1, column 1)", 1, 9),
            eval("f(x, x) := x; 1", "parameter 'x' appears twice", 1, 6),
            eval("a := 1\n# the end", "the program ends with a definition: add an expression after it to give the program a value", 1, 1),
            // empty input and limits
            eval("", "empty input: expected an expression", 1, 1),
            eval("  # only a comment", "empty input: expected an expression", 1, 1),
            eval(";;", "empty input: expected an expression", 1, 1),
            eval(deep, "nesting deeper than 1000 levels", 1, 1001),
            eval("x^".repeat(1001) + "x", "nesting deeper than 1000 levels", 1, 2002),
            eval("-".repeat(1001) + "x", "nesting deeper than 1000 levels", 1, 1001),
            eval("sin(".repeat(1001) + "x" + ")".repeat(1001), "nesting deeper than 1000 levels", 1, 4004),
            // values at evaluation
            eval("x + y", "no value for 'y': give it with --at y=...", 1, 5),
            eval("f(a) := a*w; f(x) + q", "no values for 'w' and 'q': give them with --at w=...,q=...", 1, 11),
            Arguments.of(List.of("eval", "y*(z + u)"), "y*(z + u)",
                "no values for 'y', 'z' and 'u': give them with --at y=...,z=...,u=...", 1, 1),
            // --at
            at("x", "x=abc", "'abc' is not a number (the value of x)", 3),
            at("x", "x=y+1", "'y+1' is not a number (the value of x)", 3),
            at("x", "x=1/0", "'1/0' is not a finite number (the value of x)", 3),
            at("x", "x=1e999", "'1e999' is out of range (the value of x)", 3),
            at("x", "x", "expected name=value in --at, got 'x'", 1),
            at("x", "=1", "missing name before '=' in --at", 1),
            at("x", "x=1,,y=2", "empty assignment in --at: expected name=value", 5),
            at("x", "x=1, x=2", "'x' is given twice in --at", 6),
            at("x", "1x=2", "'1x' is not a variable name", 1),
            at("x", "x=", "no value for 'x' in --at", 3),
            at("x", " ", "--at is empty: expected name=value, ...", 1));
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @MethodSource("located")
    void messageAndCaret(List<String> args, String source, String message, int line, int column) {
        Run r = run(args.toArray(String[]::new));
        assertClean(r);
        String[] lines = r.err().split("\n");
        assertEquals("error: " + message + " at line " + line + ", column " + column, lines[0]);
        assertEquals(3, lines.length, r.err());
        String sourceLine = source.split("\n", -1)[line - 1];
        String shown = lines[1].substring(2);
        int caret = lines[2].indexOf('^') - 2;
        assertEquals(" ".repeat(caret) + "^", lines[2].substring(2), "the caret line is blanks and one caret");
        if (sourceLine.length() <= 120) {
            assertEquals(sourceLine, shown);
            assertEquals(column - 1, caret, "caret column");
        } else {
            // long lines are cut around the spot; the caret still sits under the same character
            assertTrue(shown.length() <= 126, shown);
            assertEquals(sourceLine.charAt(column - 1), shown.charAt(caret));
            int from = shown.startsWith("...") ? 3 : 0;
            assertTrue(sourceLine.contains(shown.substring(from, Math.min(shown.length(), from + 100))));
        }
    }

    static void assertClean(Run r) {
        assertEquals(2, r.code(), r.err());
        assertEquals("", r.out());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
    }

    /** A message with no place in a text: the whole output is one line. */
    static void general(String message, String... args) {
        Run r = run(args);
        assertClean(r);
        assertEquals("error: " + message + "\n", r.err());
    }

    @Test
    void inputTooLarge() {
        general("input too large: 1000001 characters (the limit is 1000000)", "eval", "x".repeat(1_000_001));
    }

    @Test
    void unknownOption() {
        general("unknown option '--bogus'", "eval", "--bogus");
    }

    @Test
    void expressionMissingOrGivenTwice(@TempDir Path dir) throws IOException {
        general("an expression is required (or -f FILE, or - for standard input)", "eval");
        Path f = Files.writeString(dir.resolve("p.txt"), "x");
        general("give either an expression or -f FILE, not both", "eval", "x", "-f", f.toString());
    }

    @Test
    void missingFile(@TempDir Path dir) {
        Path f = dir.resolve("missing.txt");
        general("cannot read " + f + ": no such file", "eval", "-f", f.toString());
    }

    @Test
    void directory(@TempDir Path dir) {
        general("cannot read " + dir + ": it is a directory", "eval", "-f", dir.toString());
    }

    @Test
    void binaryFile(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("model.bin"), new byte[] {'x', 0, 1, 2, (byte) 0x89});
        general("cannot read " + f + ": it looks like a binary file (it contains NUL bytes)", "eval", "-f", f.toString());
    }

    @Test
    void nonUtf8Bytes(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("latin1.txt"), new byte[] {'x', ' ', '+', ' ', '1', '\n', 'y', ' ', '+', ' ', (byte) 0xE9});
        Run r = run("eval", "-f", f.toString(), "--at", "x=1");
        assertClean(r);
        String[] lines = r.err().split("\n");
        assertEquals("error: cannot read " + f + ": it is not valid UTF-8 text (byte 0xE9) at line 2, column 5", lines[0]);
        assertEquals("    ^", lines[2].substring(2));
    }

    @Test
    void anErrorInAFilePointsIntoTheFile(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("model.txt"), "# model\nh := tanh(W*x + b)\nLeakyReLU(h, 0.1) + sigmoud(h)\n");
        Run r = run("eval", "-f", f.toString());
        assertClean(r);
        assertEquals(List.of("error: unknown function 'sigmoud'; did you mean 'sigmoid'? at line 3, column 21",
                             "  LeakyReLU(h, 0.1) + sigmoud(h)", "                      ^"),
                     List.of(r.err().split("\n")));
    }

    @Test
    void debugKeepsTheMessageFirst() {
        Run r = run("eval", "x +", "--debug");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: unexpected end of input after '+' at line 1, column 4\n"), r.err());
    }
}
