package io.mnemograph.graph.embedded;

import org.jboss.logging.Logger;

import java.lang.reflect.Method;

/**
 * Opens the JDK packages that Neo4j's page cache and file I/O reach into, so that a plain {@code java -jar} needs no
 * --add-opens flags. Quarkus writes its own Add-Opens entry (java.base/java.lang) into the launcher's manifest and
 * drops any other; with java.lang open, the JDK's own Module#implAddOpens can open the rest before Neo4j starts.
 */
final class JavaModules {

    private static final Logger LOG = Logger.getLogger(JavaModules.class);
    private static final String[] PACKAGES = {"java.nio", "sun.nio.ch", "java.io", "java.lang", "java.util",
            "java.util.concurrent"};
    private static volatile boolean done;

    private JavaModules() {
    }

    static synchronized void openForNeo4j() {
        if (done) {
            return;
        }
        done = true;
        Module base = Object.class.getModule();
        Module self = JavaModules.class.getModule();
        try {
            Method open = Module.class.getDeclaredMethod("implAddOpens", String.class);
            open.setAccessible(true);
            for (String pkg : PACKAGES) {
                if (!base.isOpen(pkg, self)) {
                    open.invoke(base, pkg);
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debugf("Could not open JDK packages for Neo4j (%s); start the JVM with --add-opens for full speed", e);
        }
    }
}
