/** The one-process launcher that hosts every bounded context on embedded stores. */
package io.fulfillment.allinone;
