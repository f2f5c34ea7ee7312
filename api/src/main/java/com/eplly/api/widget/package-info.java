/**
 * The embeddable "You Might Like" widget: the script {@code static/widget.js} (served at
 * {@code /widget.js}) and the CORS rules that let portal pages on other origins use it.
 */
package com.eplly.api.widget;
