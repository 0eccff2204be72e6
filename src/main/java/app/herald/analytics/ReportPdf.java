package app.herald.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import app.herald.analytics.DashboardData.Dataset;
import app.herald.analytics.DashboardData.Kpi;
import app.herald.analytics.DashboardData.TopRow;
import app.herald.web.ZonedTime;

/**
 * Writes a {@link PeriodReport} as an A4 PDF (Apache PDFBox): the KPI tiles as a table, the trend per day and the
 * top content, with the period and zone stated, in the same texts the printable page shows.
 */
final class ReportPdf {

    /** Liberation Sans (SIL OFL), shipped inside PDFBox for its own font fallback; embedded as a subset. */
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 48;
    private static final float BODY = 9;
    private static final float LEADING = 13;

    private final PDDocument document = new PDDocument();
    private final PDFont font;
    private final Map<Integer, Boolean> printable = new HashMap<>();
    private PDPageContentStream page;
    private float y;

    private ReportPdf() throws IOException {
        try (InputStream in = ReportPdf.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's font " + FONT + " is missing from the class path");
            }
            font = PDType0Font.load(document, in, true);
        }
    }

    /** Writes the report to {@code out}; the caller streams it as the response. */
    static void write(PeriodReport report, Instant generatedAt, OutputStream out) {
        try {
            ReportPdf pdf = new ReportPdf();
            try (PDDocument document = pdf.document) {
                pdf.render(report, generatedAt);
                document.save(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void render(PeriodReport report, Instant generatedAt) throws IOException {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Herald period report: " + report.scope().brandName() + ", " + report.periodLabel());
        info.setCreator("Herald");
        newPage();
        text(16, "Period report: " + report.scope().brandName());
        y -= 6;
        text(BODY, report.periodLabel() + ", compared with the previous period, " + report.previousLabel() + ".");
        text(BODY, "Days are the brand's, in " + report.zone() + ". Generated "
                + ZonedTime.format(generatedAt, report.scope().period().zone()) + ".");
        if (report.scope().ownContentOnly()) {
            text(BODY, "Only the content you created is counted.");
        }

        heading("Key figures");
        List<List<String>> kpis = new ArrayList<>();
        for (Kpi kpi : report.kpis()) {
            kpis.add(List.of(kpi.label(), kpi.currentText(), kpi.delta(), "previous period: " + kpi.previousText()));
        }
        table(List.of("Figure", "This period", "Change", "Previous period"), new float[] { 150, 90, 90, 170 }, kpis);

        heading("Views per platform");
        if (report.trend().isEmpty()) {
            text(BODY, "No metrics for this period yet.");
        } else {
            List<String> header = new ArrayList<>(List.of("Day"));
            report.trend().datasets().forEach(set -> header.add(set.label()));
            float[] widths = new float[header.size()];
            widths[0] = 70;
            for (int i = 1; i < widths.length; i++) {
                widths[i] = (PDRectangle.A4.getWidth() - 2 * MARGIN - 70) / (widths.length - 1);
            }
            List<List<String>> rows = new ArrayList<>();
            for (int day = 0; day < report.trend().labels().size(); day++) {
                List<String> row = new ArrayList<>(List.of(report.trend().labels().get(day)));
                for (Dataset set : report.trend().datasets()) {
                    row.add(set.text().get(day));
                }
                rows.add(row);
            }
            table(header, widths, rows);
        }

        heading("Top content (by " + report.sort() + ")");
        if (report.top().isEmpty()) {
            text(BODY, "No published posts in this period.");
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (TopRow row : report.top()) {
                rows.add(List.of(row.title(), row.platform().label() + " · " + row.channel(), row.publishedAt(),
                        row.viewsText(), row.engagementText(), row.percentText(), row.followersText()));
            }
            table(List.of("Content", "Platform · channel", "Published", "Views", "Engagement", "% viewed",
                    "Followers"), new float[] { 110, 90, 95, 40, 60, 55, 49 }, rows);
        }
        page.close();
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        page = new PDPageContentStream(document, next);
        y = next.getMediaBox().getHeight() - MARGIN;
    }

    private void heading(String title) throws IOException {
        y -= 8;
        text(12, title);
    }

    private void text(float size, String line) throws IOException {
        row(size, new float[] { PDRectangle.A4.getWidth() - 2 * MARGIN }, List.of(line));
    }

    private void table(List<String> header, float[] widths, List<List<String>> rows) throws IOException {
        row(BODY, widths, header);
        for (List<String> row : rows) {
            row(BODY, widths, row);
        }
    }

    /** One line of cells at the widths given, each cut to fit; a new page when this one is full. */
    private void row(float size, float[] widths, List<String> cells) throws IOException {
        if (y - size * LEADING / BODY < MARGIN) {
            newPage();
        }
        y -= size * LEADING / BODY;
        float x = MARGIN;
        for (int i = 0; i < cells.size(); i++) {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, y);
            page.showText(fit(printable(cells.get(i)), size, widths[i] - 4));
            page.endText();
            x += widths[i];
        }
    }

    /** The text cut with an ellipsis so it fits {@code width} points. */
    private String fit(String text, float size, float width) throws IOException {
        if (font.getStringWidth(text) / 1000 * size <= width) {
            return text;
        }
        String cut = text;
        while (!cut.isEmpty() && font.getStringWidth(cut + "…") / 1000 * size > width) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut + "…";
    }

    /** The text with each character the font has no glyph for (emoji, most CJK) replaced by "?". */
    private String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(codePoint -> {
            boolean known = printable.computeIfAbsent(codePoint, this::hasGlyph);
            out.appendCodePoint(known ? codePoint : '?');
        });
        return out.toString();
    }

    private boolean hasGlyph(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return false;
        }
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
