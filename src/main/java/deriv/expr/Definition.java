package deriv.expr;

import java.util.List;

/** A definition in a program: an intermediate {@code m := W1*x + b1} or a function {@code Linear(W, b, x) := W*x + b}. */
public sealed interface Definition {
    String name();
    Expr body();

    record Intermediate(String name, Expr body) implements Definition {}

    record Function(String name, List<String> params, Expr body) implements Definition {
        public Function { params = List.copyOf(params); }
    }
}
