package io.mnemograph.bench;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Latency against store size, log x-axis, drawn with Java2D (headless) into a PNG. */
final class LatencyPlot {

    record Series(String label, Color color, boolean dashed, double[] ms) {
    }

    private LatencyPlot() {
    }

    static void draw(Path file, String title, long[] sizes, List<Series> series) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int w = 900, h = 560, left = 80, right = 250, top = 60, bottom = 70;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        double max = 0;
        for (Series s : series) {
            for (double v : s.ms()) {
                max = Math.max(max, v);
            }
        }
        double yMax = niceCeil(max * 1.1);
        double xMin = Math.log10(sizes[0]) - 0.3, xMax = Math.log10(sizes[sizes.length - 1]) + 0.3;
        int pw = w - left - right, ph = h - top - bottom;
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.setColor(Color.BLACK);
        g.drawString(title, left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 5; i++) {
            double v = yMax * i / 5;
            int y = top + ph - (int) (ph * v / yMax);
            g.setColor(new Color(225, 225, 225));
            g.drawLine(left, y, left + pw, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.0f", v), left - 35, y + 4);
        }
        for (long size : sizes) {
            int x = left + (int) (pw * (Math.log10(size) - xMin) / (xMax - xMin));
            g.setColor(new Color(225, 225, 225));
            g.drawLine(x, top, x, top + ph);
            g.setColor(Color.DARK_GRAY);
            String label = size >= 1_000_000 ? size / 1_000_000 + "M" : size / 1000 + "k";
            g.drawString(label, x - 10, top + ph + 18);
        }
        g.setColor(Color.BLACK);
        g.drawRect(left, top, pw, ph);
        g.drawString("memories in store (log scale)", left + pw / 2 - 90, h - 25);
        g.rotate(-Math.PI / 2);
        g.drawString("milliseconds", -(top + ph / 2 + 35), 25);
        g.rotate(Math.PI / 2);
        int legendY = top + 10;
        for (Series s : series) {
            g.setColor(s.color());
            g.setStroke(s.dashed() ? new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                    new float[] {8, 6}, 0) : new BasicStroke(2.5f));
            int px = -1, py = -1;
            for (int i = 0; i < sizes.length; i++) {
                int x = left + (int) (pw * (Math.log10(sizes[i]) - xMin) / (xMax - xMin));
                int y = top + ph - (int) (ph * s.ms()[i] / yMax);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                g.fillOval(x - 4, y - 4, 8, 8);
                g.drawString(String.format(Locale.ROOT, "%.1f", s.ms()[i]), x + 7, y - 5);
                px = x;
                py = y;
            }
            g.drawLine(left + pw + 15, legendY, left + pw + 45, legendY);
            g.setColor(Color.BLACK);
            g.drawString(s.label(), left + pw + 52, legendY + 4);
            legendY += 22;
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private static double niceCeil(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(v, 1e-9))));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
