package io.mnemograph.api.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Mnemograph guide for Neo4j Browser's {@code :play}: one slide per saved query in {@code cypher/explore/}, read
 * from the classpath when asked, so the guide and the files people open by hand never drift apart.
 */
final class BrowserGuide {

    static final String EXPLORE = "cypher/explore/";
    private static final Pattern PARAM = Pattern.compile(":param\\s+(\\w+)\\s*=>\\s*('[^']*'|[^,\\s]+)");

    /** A saved query: its file name, the explanation from its leading comment lines, and its text. */
    record Query(String file, String explanation, String cypher) {

        String title() {
            String name = file.replaceFirst("\\.cypher$", "").replaceFirst("^\\d+_", "").replace('_', ' ');
            return Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }

        /** The {@code :param} commands the explanation asks for, runnable before the query. */
        List<String> params() {
            List<String> params = new ArrayList<>();
            Matcher m = PARAM.matcher(explanation);
            while (m.find()) {
                params.add(":param " + m.group(1) + " => " + m.group(2));
            }
            return params;
        }
    }

    static String html(ClassLoader loader) {
        List<Query> queries = queries(loader);
        StringBuilder out = new StringBuilder("<article class=\"guide\">\n<carousel class=\"deck container-fluid\">\n");
        out.append("<slide class=\"row-fluid\">\n<div class=\"col-sm-12\">\n<h3>Mnemograph</h3>\n")
                .append("<p class=\"lead\">Long-term memory for LLM agents: each <b>Memory</b> is linked to its ")
                .append("<b>Keyword</b>s, <b>Tag</b>s and <b>Session</b> (memories of a session follow each other along ")
                .append("<code>NEXT</code>), to related memories by <code>LINKED {reason, strength}</code>, to the ")
                .append("memories it updates by <code>SUPERSEDES</code>, and to the agent's changes by ")
                .append("<code>REVISED</code> → <b>Revision</b>. Every node carries its <code>scope</code>.</p>\n")
                .append("<p>Click a block to put it in the editor, then run it (Ctrl+Enter). If the graph is drawn ")
                .append("without captions, apply Mnemograph's style:</p>\n")
                .append(runnable(":style " + "{{base}}/browser-guide/mnemograph.grass"))
                .append("<ol>\n");
        for (Query q : queries) {
            out.append("<li>").append(escape(q.title())).append("</li>\n");
        }
        out.append("</ol>\n</div>\n</slide>\n");
        for (Query q : queries) {
            out.append("<slide class=\"row-fluid\">\n<div class=\"col-sm-12\">\n<h3>").append(escape(q.title()))
                    .append("</h3>\n<p>").append(escape(q.explanation())).append("</p>\n");
            for (String param : q.params()) {
                out.append(runnable(param));
            }
            out.append(runnable(q.cypher()))
                    .append("<p><small>").append(EXPLORE).append(escape(q.file())).append("</small></p>\n")
                    .append("</div>\n</slide>\n");
        }
        return out.append("</carousel>\n</article>\n").toString();
    }

    private static String runnable(String code) {
        return "<pre class=\"pre-scrollable code runnable\">" + escape(code.strip()) + "</pre>\n";
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The saved queries in file-name order (their number prefixes give the guide's order). */
    static List<Query> queries(ClassLoader loader) {
        List<Query> queries = new ArrayList<>();
        for (String file : files(loader)) {
            String cypher = read(loader, EXPLORE + file);
            StringBuilder explanation = new StringBuilder();
            for (String line : cypher.lines().toList()) {
                if (!line.startsWith("//")) {
                    break;
                }
                explanation.append(explanation.isEmpty() ? "" : " ").append(line.substring(2).strip());
            }
            queries.add(new Query(file, explanation.toString(), cypher));
        }
        return queries;
    }

    // The directory is a folder in dev and tests and an entry of the application jar when packaged.
    private static List<String> files(ClassLoader loader) {
        URL dir = loader.getResource(EXPLORE);
        if (dir == null) {
            return List.of();
        }
        List<String> files = new ArrayList<>();
        try {
            if (dir.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) dir.openConnection();
                connection.setUseCaches(false);
                try (JarFile jar = connection.getJarFile()) {
                    jar.stream().map(e -> e.getName())
                            .filter(n -> n.startsWith(EXPLORE) && n.endsWith(".cypher") && n.indexOf('/', EXPLORE.length()) < 0)
                            .forEach(n -> files.add(n.substring(EXPLORE.length())));
                }
            } else {
                try (Stream<Path> list = Files.list(Path.of(dir.toURI()))) {
                    list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".cypher")).forEach(files::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Collections.sort(files);
        return files;
    }

    private static String read(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BrowserGuide() {
    }
}
