package com.eplly.api.errors;

/** The JSON body of every error answer: {@code {"error": "..."}}. */
public record ErrorBody(String error) {}
