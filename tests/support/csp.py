"""What the browser tests use to see Content-Security-Policy violations."""

# Collects securitypolicyviolation events from the first moment of each document.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""
