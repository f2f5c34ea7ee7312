/**
 * The demo portal page: static {@code index.html}, {@code app.js} and {@code style.css} under
 * {@code src/main/resources/static}, served at {@code /}; it uses only the public endpoints.
 */
package com.eplly.api.demo;
