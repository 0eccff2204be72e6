package app.herald.audit;

/** CSV cell quoting (RFC 4180) that also defuses spreadsheet formulas in user-written text. */
public final class Csv {

    private Csv() {
    }

    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = value;
        // A leading =, +, - or @ would run as a formula when the file is opened in a spreadsheet.
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r") || !safe.equals(value)) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
