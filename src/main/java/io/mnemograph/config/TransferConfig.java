package io.mnemograph.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Export and import ({@code mnemograph.transfer.*}). */
@ConfigMapping(prefix = "mnemograph.transfer")
public interface TransferConfig {

    /** How many nodes export reads per statement (a page); a scope is never held in memory whole. */
    @WithDefault("500")
    int pageSize();

    /** How many lines of one kind import writes per transaction. */
    @WithDefault("500")
    int batchSize();
}
