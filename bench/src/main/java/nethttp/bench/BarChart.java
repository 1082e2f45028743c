package nethttp.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A grouped bar chart drawn with java.awt on a headless image: one group per x label (a
 * connection count), one bar per series (a server), value printed above each bar.
 */
final class BarChart {
    private static final Color[] COLORS = {
        new Color(0x2E7D32), new Color(0x1565C0), new Color(0xEF6C00), new Color(0x6A1B9A)
    };

    private BarChart() {}

    /** values[s][g]: series s in group g; NaN draws no bar. */
    static void write(File png, String title, String yLabel, List<String> groups, List<String> series, double[][] values)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        int w = 900, h = 520, left = 90, right = 30, top = 60, bottom = 90;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);

        double max = 0;
        for (double[] row : values) for (double v : row) if (!Double.isNaN(v)) max = Math.max(max, v);
        max = niceCeiling(max);
        int plotH = h - top - bottom, plotW = w - left - right;

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(title, left, 32);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (int i = 0; i <= 5; i++) {
            double v = max * i / 5;
            int y = top + plotH - (int) (plotH * i / 5.0);
            g.setColor(new Color(0xDDDDDD));
            g.drawLine(left, y, left + plotW, y);
            g.setColor(Color.DARK_GRAY);
            String s = String.format("%,.0f", v);
            g.drawString(s, left - 8 - g.getFontMetrics().stringWidth(s), y + 4);
        }
        g.drawString(yLabel, 10, top - 12);

        int groupW = plotW / groups.size();
        int barW = Math.max(8, (groupW - 40) / series.size());
        for (int gi = 0; gi < groups.size(); gi++) {
            int gx = left + gi * groupW + 20;
            for (int si = 0; si < series.size(); si++) {
                double v = values[si][gi];
                if (Double.isNaN(v)) continue;
                int bh = (int) (plotH * v / max);
                int x = gx + si * barW;
                g.setColor(COLORS[si % COLORS.length]);
                g.fillRect(x, top + plotH - bh, barW - 6, bh);
                g.setColor(Color.BLACK);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
                String s = String.format("%,.0f", v);
                g.drawString(s, x + (barW - 6 - g.getFontMetrics().stringWidth(s)) / 2, top + plotH - bh - 4);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
            String label = groups.get(gi);
            g.drawString(label, left + gi * groupW + (groupW - g.getFontMetrics().stringWidth(label)) / 2, top + plotH + 22);
        }
        g.setStroke(new BasicStroke(1.5f));
        g.drawLine(left, top + plotH, left + plotW, top + plotH);

        int lx = left;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        for (int si = 0; si < series.size(); si++) {
            g.setColor(COLORS[si % COLORS.length]);
            g.fillRect(lx, h - 40, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(series.get(si), lx + 20, h - 28);
            lx += 30 + g.getFontMetrics().stringWidth(series.get(si));
        }
        g.dispose();
        ImageIO.write(img, "png", png);
    }

    /** 1, 2 or 5 times a power of ten, at least {@code v}. */
    static double niceCeiling(double v) {
        if (v <= 0) return 1;
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) if (m * p >= v) return m * p;
        return 10 * p;
    }
}
