package dev.backprop.training;

import dev.backprop.engine.train.TrainingMetrics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * The seed's figure of a logged iteration: class 0 in red, class 1 in blue, the decision boundary
 * {@code y = (-w0 x - b) / w1} for x in [-6, 6), axes x in [-5, 7] and y in [-7, 7], the loss in red at
 * (-5, 5), and the title {@code Iteration: N} over {@code w0:.. w1:.. b: .. accuracy:..%}.
 */
public final class TrainingPlot {
    /** The boundary's colour (matplotlib's first line colour). */
    static final Color BOUNDARY = new Color(0x1f, 0x77, 0xb4);
    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;

    private TrainingPlot() {}

    public static String svg(float[][] rows, float[] labels, TrainingMetrics m) {
        return svg(rows, labels, m, null);
    }

    /** As {@link #svg(float[][], float[], TrainingMetrics)}, filling {@code info} with where the plot was drawn. */
    static String svg(float[][] rows, float[] labels, TrainingMetrics m, ChartRenderingInfo info) {
        JFreeChart chart = chart(rows, labels, m);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT), info);
        return g.getSVGDocument();
    }

    public static byte[] png(float[][] rows, float[] labels, TrainingMetrics m) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(out, chart(rows, labels, m), WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The boundary's two ends, at x = -6 and x = 6 (where the seed's arange(-6, 6, 0.1) draws it). */
    public static double[] boundary(TrainingMetrics m) {
        double w0 = m.weights()[0], w1 = m.weights()[1], b = m.bias();
        return new double[] {-6, (-w0 * -6 - b) / w1, 6, (-w0 * 6 - b) / w1};
    }

    static String title(TrainingMetrics m) {
        return String.format(Locale.ROOT, "Iteration: %d%nw0:%.2f w1:%.2f b: %.2f accuracy:%.2f%%", m.iteration(), m.weights()[0],
                m.weights()[1], m.bias(), m.accuracy() * 100).replace(System.lineSeparator(), "\n");
    }

    private static JFreeChart chart(float[][] rows, float[] labels, TrainingMetrics m) {
        XYSeries class0 = new XYSeries("class 0", false), class1 = new XYSeries("class 1", false), line = new XYSeries("boundary", false);
        for (int i = 0; i < rows.length; i++) {
            (labels[i] == 0 ? class0 : class1).add(rows[i][0], rows[i][1]);
        }
        double[] ends = boundary(m);
        line.add(ends[0], ends[1]);
        line.add(ends[2], ends[3]);
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(class0);
        data.addSeries(class1);
        data.addSeries(line);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShapesVisible(2, false);
        renderer.setSeriesPaint(0, Color.RED);
        renderer.setSeriesPaint(1, Color.BLUE);
        renderer.setSeriesPaint(2, BOUNDARY);
        renderer.setSeriesStroke(2, new BasicStroke(2f));
        NumberAxis x = new NumberAxis(), y = new NumberAxis();
        x.setRange(-5, 7);
        y.setRange(-7, 7);
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        XYTextAnnotation loss = new XYTextAnnotation(String.format(Locale.ROOT, "Loss=%.4f", m.loss()), -5, 5);
        loss.setPaint(Color.RED);
        loss.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 20));
        loss.setTextAnchor(TextAnchor.BASELINE_LEFT);
        plot.addAnnotation(loss);
        JFreeChart chart = new JFreeChart(title(m), new Font(Font.SANS_SERIF, Font.PLAIN, 14), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
