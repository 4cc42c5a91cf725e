package io.fulfillment.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/** A small line chart of latency percentiles against offered load, drawn with Java2D (no plotting library). */
final class LatencyChart {

    record Point(double offeredPerSecond, double achievedPerSecond, Latencies latency) {}

    private static final int WIDTH = 900;
    private static final int HEIGHT = 540;
    private static final int LEFT = 90;
    private static final int RIGHT = 180;
    private static final int TOP = 60;
    private static final int BOTTOM = 70;

    private LatencyChart() {}

    static void write(Path file, String title, List<Point> points) throws IOException {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);

        // a multiple of 5, so that the five x ticks fall on whole orders/s and their labels are exact
        double maxX = Math.ceil(points.stream()
                                .mapToDouble(Point::offeredPerSecond)
                                .max()
                                .orElse(1)
                        * 1.1
                        / 5)
                * 5;
        double maxY = niceCeiling(points.stream()
                .mapToDouble(point -> point.latency().p99())
                .filter(Double::isFinite)
                .max()
                .orElse(1));
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;

        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, 32);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int tick = 0; tick <= 5; tick++) {
            int y = TOP + plotHeight - tick * plotHeight / 5;
            g.setColor(new Color(225, 225, 225));
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format("%.0f", maxY * tick / 5), LEFT - 45, y + 4);
            int x = LEFT + tick * plotWidth / 5;
            g.drawString(String.format("%.0f", maxX * tick / 5), x - 10, TOP + plotHeight + 20);
        }
        g.setColor(Color.BLACK);
        g.drawRect(LEFT, TOP, plotWidth, plotHeight);
        g.drawString("offered load (orders/s)", LEFT + plotWidth / 2 - 60, HEIGHT - 25);
        g.rotate(-Math.PI / 2);
        g.drawString("latency placed → CONFIRMED (ms)", -(TOP + plotHeight / 2 + 100), 30);
        g.rotate(Math.PI / 2);

        series(g, points, p -> p.latency().p50(), new Color(31, 119, 180), "p50", 0, maxX, maxY);
        series(g, points, p -> p.latency().p95(), new Color(255, 127, 14), "p95", 1, maxX, maxY);
        series(g, points, p -> p.latency().p99(), new Color(214, 39, 40), "p99", 2, maxX, maxY);
        g.setColor(Color.DARK_GRAY);
        g.drawString("points: offered → achieved/s", WIDTH - RIGHT + 15, TOP + 100);
        for (int i = 0; i < points.size(); i++) {
            g.drawString(
                    String.format(
                            "%.0f → %.0f",
                            points.get(i).offeredPerSecond(), points.get(i).achievedPerSecond()),
                    WIDTH - RIGHT + 15,
                    TOP + 120 + i * 16);
        }
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private static void series(
            Graphics2D g,
            List<Point> points,
            ToDoubleFunction<Point> value,
            Color color,
            String label,
            int index,
            double maxX,
            double maxY) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        g.setColor(color);
        g.setStroke(new BasicStroke(2.5f));
        int previousX = -1;
        int previousY = -1;
        for (Point point : points) {
            double y = value.applyAsDouble(point);
            if (!Double.isFinite(y)) {
                continue;
            }
            int px = LEFT + (int) (point.offeredPerSecond() / maxX * plotWidth);
            int py = TOP + plotHeight - (int) (y / maxY * plotHeight);
            g.fillOval(px - 4, py - 4, 8, 8);
            if (previousX >= 0) {
                g.drawLine(previousX, previousY, px, py);
            }
            previousX = px;
            previousY = py;
        }
        int legendY = TOP + 10 + index * 20;
        g.drawLine(WIDTH - RIGHT + 15, legendY, WIDTH - RIGHT + 45, legendY);
        g.setColor(Color.BLACK);
        g.drawString(label, WIDTH - RIGHT + 52, legendY + 4);
        g.setStroke(new BasicStroke(1f));
    }

    private static double niceCeiling(double value) {
        double magnitude = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1))));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }
}
