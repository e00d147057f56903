/**
 * Reading numbers and quantities as models write them: {@code ~3.1 GB per layer}, {@code ≈ 2.2e24
 * FLOPs}, {@code $1.2B}, {@code 1.7 \times 10^{15}} tokens, {@code 40%}, {@code between 50k and
 * 80k}. {@link dev.hwgrade.quantity.QuantityScanner} finds every {@link
 * dev.hwgrade.quantity.Amount} in a text; {@link dev.hwgrade.quantity.UnitParser} reads unit
 * phrases into {@link dev.hwgrade.quantity.QuantityUnit}s backed by Indriya (JSR 385), extended by
 * {@link dev.hwgrade.quantity.UnitCatalog} with the units machine-learning homework needs (bits and
 * bytes with SI and IEC prefixes, FLOP and FLOP/s, dollars, tokens, GPUs and other countable
 * nouns). Shared by every grader that reads numbers.
 */
package dev.hwgrade.quantity;
