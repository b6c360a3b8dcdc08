// Mermaid diagrams: pages with a ```mermaid fence load the library (the
// theme adds its script only there); the source stays readable until it runs.
window.addEventListener("load", function () {
  var nodes = document.querySelectorAll("pre.mermaid");
  if (!nodes.length || !window.mermaid) return;
  var dark = document.documentElement.dataset.theme === "dark" ||
    (!document.documentElement.dataset.theme && window.matchMedia("(prefers-color-scheme: dark)").matches);
  window.mermaid.initialize({
    startOnLoad: false, securityLevel: "strict", theme: dark ? "dark" : "default",
    // Edge labels readable on the dark theme's background.
    themeVariables: dark ? { edgeLabelBackground: "#333333" } : {}
  });
  window.mermaid.run({ nodes: nodes }).catch(function () {});
});
