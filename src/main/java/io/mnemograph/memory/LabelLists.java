package io.mnemograph.memory;

import java.util.ArrayList;
import java.util.List;

/** Lists of labels written as JSON arrays of strings, as revisions keep them in before/after. */
public final class LabelLists {

    private LabelLists() {
    }

    public static String toJson(List<String> labels) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < labels.size(); i++) {
            b.append(i == 0 ? "" : ",").append('"')
                    .append(labels.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return b.append(']').toString();
    }

    /** Reads what {@link #toJson} wrote; anything else is refused. */
    public static List<String> fromJson(String json) {
        List<String> out = new ArrayList<>();
        String s = json == null ? "" : json.strip();
        if (!s.startsWith("[") || !s.endsWith("]")) {
            throw new IllegalArgumentException("not a JSON list of strings: " + json);
        }
        int i = 1;
        while (i < s.length() - 1) {
            char c = s.charAt(i);
            if (c == '"') {
                StringBuilder item = new StringBuilder();
                i++;
                while (s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\') {
                        i++;
                    }
                    item.append(s.charAt(i));
                    i++;
                }
                out.add(item.toString());
            }
            i++;
        }
        return out;
    }
}
