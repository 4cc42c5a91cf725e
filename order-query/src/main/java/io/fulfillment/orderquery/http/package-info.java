/**
 * The order query API over HTTP ({@code GET /orders...}): summaries, paged lists, timelines and the live status
 * stream as Server-Sent Events. It only sends queries; the read models answer.
 */
package io.fulfillment.orderquery.http;
