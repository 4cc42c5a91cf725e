/**
 * The order board: every order's status changes as one Server-Sent Events stream ({@code GET /orders/stream}), for
 * dashboards such as the gateway's ops console. It listens to the updates the order summary projection already
 * announces to subscription queries, so it adds no read of its own and stays silent while that projection replays.
 */
package io.fulfillment.orderquery.board;
