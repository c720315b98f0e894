/**
 * Publication of rankings without login (issue 6): the public ranking pages ({@code /public/rankings}), open data
 * as CSV and JSON ({@code /open-data/rankings}) and the 公示 PDF, all read through the {@link
 * cn.kaoping.ranking.Rankings} facade, which holds published results only.
 */
package cn.kaoping.ranking.publication;
