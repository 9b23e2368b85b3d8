/**
 * The pure core: reading mail, patches and LWN pages, threading and linking series, classifying,
 * deriving review states and checks, writing feeds, each a function of records that boots nothing and
 * knows no Quarkus, CDI, JPA or HTTP. Parsers never throw on bad input: their problems come back as
 * data. This package holds no classes, only its sub-packages ({@code model} is what they share).
 * Everything under {@code core} may import only the JDK ({@code java}, {@code javax.xml},
 * {@code javax.crypto}, {@code javax.annotation}), Jakarta Mail (with Jakarta Activation and Angus),
 * jsoup, JGit and {@code core} itself.
 */
package dev.patchtrack.core;
