/**
 * The web pages, server-rendered with Qute and no script: the series list with the API's filters,
 * one series, a message, LWN articles, sources and the plots (inline SVG). Like {@code api}, a page
 * parses its parameters, calls the resources and services that answer the JSON and shows their
 * records ({@code api.dto}); it derives nothing. Every value is escaped ({@code HtmlText}).
 */
package dev.patchtrack.web;
