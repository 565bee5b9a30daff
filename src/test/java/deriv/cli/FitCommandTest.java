package deriv.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deriv fit: gradient descent with the compiled gradient recovers the synthetic model's parameters. */
class FitCommandTest {
    private static final Pattern STEP = Pattern.compile("step\\s+(\\d+)\\s+loss (\\S+)\\s+W (\\S+)\\s+b (\\S+)");

    private static List<double[]> fit(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "fit";
        System.arraycopy(args, 0, all, 1, args.length);
        assertEquals(0, Main.run(all, new PrintWriter(out), new PrintWriter(err)), err.toString());
        Matcher m = STEP.matcher(out.toString());
        java.util.ArrayList<double[]> rows = new java.util.ArrayList<>();
        while (m.find()) rows.add(new double[] {Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))});
        return rows;
    }

    @Test
    void cubicModelLossFallsAndParametersAreRecovered() {
        List<double[]> rows = fit("--model", "cubic", "--steps", "100");
        assertTrue(rows.size() >= 10);
        assertTrue(rows.getLast()[0] < rows.getFirst()[0] / 1000, "the loss falls");
        assertEquals(0.8, rows.getLast()[1], 0.02);
        assertEquals(-0.3, rows.getLast()[2], 0.02);
    }

    @Test
    void sigmoidModelLossFalls() {
        List<double[]> rows = fit("--model", "sigmoid", "--steps", "300", "--rate", "0.5");
        assertTrue(rows.getLast()[0] < rows.getFirst()[0] / 10, "the loss falls");
    }

    @Test
    void badRateIsRefused() {
        StringWriter out = new StringWriter(), err = new StringWriter();
        assertEquals(2, Main.run(new String[] {"fit", "--rate", "0"}, new PrintWriter(out), new PrintWriter(err)));
        assertEquals("error: --rate must be above 0 and below 100", err.toString().strip());
    }
}
