// The stage's entry: starts the Pixi application.
const root = document.getElementById('stage');
if (root) root.textContent = 'Drawcast stage';
