package org.rightstream.contracts;

/** One rights category (a taxonomy id) with the classifier's score in [0,1]. */
public record CategoryScore(String id, double score) {
}
