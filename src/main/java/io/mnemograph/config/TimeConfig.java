package io.mnemograph.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How recall reads time in a question ({@code mnemograph.time.*}). */
@ConfigMapping(prefix = "mnemograph.time")
public interface TimeConfig {

    /**
     * A memory that happened inside the window a question names ("last week", "in May 2023") has its score
     * multiplied by {@code 1 + word-boost}; 0 turns time words off. The window boosts and never filters: the memory
     * that answers "when did X happen?" may lie outside the window the question mentions.
     */
    @WithDefault("0.3")
    double wordBoost();
}
