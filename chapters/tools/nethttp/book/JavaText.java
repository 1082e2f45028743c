package nethttp.book;

/** Just enough Java lexing to count braces and find declarations: no comments, no literals. */
final class JavaText {
    private JavaText() {}

    /**
     * The text with every comment and the inside of every string and char literal replaced by
     * spaces, line breaks kept, so that offsets and line numbers stay the same.
     */
    static String blankCommentsAndLiterals(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') { out.append(' '); i++; }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                end = end < 0 ? s.length() : end + 2;
                for (; i < end; i++) out.append(s.charAt(i) == '\n' ? '\n' : ' ');
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                end = end < 0 ? s.length() : end + 3;
                for (; i < end; i++) out.append(s.charAt(i) == '\n' ? '\n' : ' ');
            } else if (c == '"' || c == '\'') {
                out.append(c);
                i++;
                while (i < s.length() && s.charAt(i) != c && s.charAt(i) != '\n') {
                    if (s.charAt(i) == '\\') { out.append(' '); i++; }
                    if (i < s.length()) { out.append(' '); i++; }
                }
                if (i < s.length()) { out.append(s.charAt(i)); i++; }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
