package org.rightstream.classify.web;

/** What {@code POST /api/classify} was asked: the text to label and whether it is a recommendation. */
record ClassifyRequest(String text, boolean isRecommendation) {
}
