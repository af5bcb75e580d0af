package io.mnemograph.graph.server;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which servers recall asks for a scope-filtered vector search, and which keep the over-fetch or scan of 5.26. */
class DriverGraphStoreVersionTest {

    @Test
    void searchesByScopeFrom2026On() {
        assertFalse(DriverGraphStore.searchesVectorsByScope("5.26.30"));
        assertFalse(DriverGraphStore.searchesVectorsByScope("5.99.0"));
        assertFalse(DriverGraphStore.searchesVectorsByScope("2025.12.1"), "2025.x has no SEARCH clause");
        assertTrue(DriverGraphStore.searchesVectorsByScope("2026.01.4"));
        assertTrue(DriverGraphStore.searchesVectorsByScope("2026.08.1"));
        assertTrue(DriverGraphStore.searchesVectorsByScope("2027.02.0-aura"));
        assertFalse(DriverGraphStore.searchesVectorsByScope(""));
    }
}
