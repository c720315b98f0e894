/**
 * The plain-Java scoring engine: schemes as data (YAML), facts in, an explained evaluation out.
 */
@org.springframework.modulith.NamedInterface("engine")
package cn.kaoping.scheme.engine;
