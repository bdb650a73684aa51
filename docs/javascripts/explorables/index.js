// Mounts the explorables (interactive figures) of the page.
//
// A page marks one with
//
//   <div class="explorable" data-explorable="NAME" markdown>
//   ...the static figure: the fallback without JavaScript...
//   </div>
//
// and this loader imports ./NAME.js (an ES module exporting `mount(root)`)
// and calls it once per element.  `mount` builds the controls and the drawing
// inside `root`; the loader then marks the element `data-mounted="yes"` and
// adds `explorable--live`, which hides the static fallback
// (stylesheets/explorables.css).  It runs when Material says the page is
// ready (`document$`).  A module that fails to load or mount leaves the
// static figure in place and logs the error.
function mountAll() {
  for (const root of document.querySelectorAll("[data-explorable]")) {
    if (root.dataset.mounted) continue;
    root.dataset.mounted = "pending";
    const name = root.dataset.explorable;
    if (!/^[a-z0-9-]+$/.test(name)) {
      root.dataset.mounted = "error";
      console.error(`explorable: bad name ${JSON.stringify(name)}`);
      continue;
    }
    import(`./${name}.js`)
      .then((module) => {
        module.mount(root);
        root.dataset.mounted = "yes";
        root.classList.add("explorable--live");
      })
      .catch((error) => {
        root.dataset.mounted = "error";
        console.error(`explorable ${name}:`, error);
      });
  }
}

document$.subscribe(mountAll);
