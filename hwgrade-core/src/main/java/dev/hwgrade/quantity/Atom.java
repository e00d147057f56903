package dev.hwgrade.quantity;

import javax.measure.Unit;

/**
 * One unit word or symbol of the catalog, such as {@code MB}, {@code hours} or {@code tokens}.
 *
 * @param name the canonical spelling used in labels and cache keys
 * @param unit the Indriya unit it stands for
 * @param countable true for countable nouns (tokens, GPUs, books): what is counted, not measured
 */
public record Atom(String name, Unit<?> unit, boolean countable) {}
