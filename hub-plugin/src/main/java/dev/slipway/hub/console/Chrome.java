package dev.slipway.hub.console;

/**
 * What every page's layout needs: its title, which navigation tab is current, and the visitor (for the sign-in
 * state and the CSRF token of the sign-out form).
 */
public record Chrome(String title, String tab, Visitor visitor) {
}
