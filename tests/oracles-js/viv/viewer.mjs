// The page the browser test opens: viv loads the OME-Zarr image at ?source=URL and draws its lowest resolution
// fitted into a ?width=W&height=H canvas, with no interaction. window.vivStatus says how far it got ("loading",
// "rendered", or "failed: reason"), so the driver waits for a drawn image instead of a loaded page.
import { Deck, OrthographicView } from '@deck.gl/core';
import { ImageLayer, loadOmeZarr } from '@hms-dbmi/viv';

const query = new URLSearchParams(window.location.search);
const width = Number(query.get('width'));
const height = Number(query.get('height'));
window.vivStatus = 'loading';

function fail(reason) {
  if (window.vivStatus === 'loading') {
    window.vivStatus = `failed: ${reason}`;
  }
}

window.addEventListener('error', (event) => fail(event.message));
window.addEventListener('unhandledrejection', (event) => fail(String(event.reason?.message ?? event.reason)));

async function show() {
  const { data } = await loadOmeZarr(query.get('source'), { type: 'multiscales' });
  const lowest = data[data.length - 1];
  const [imageHeight, imageWidth] = lowest.shape.slice(-2);
  const channels = lowest.shape[lowest.labels.indexOf('c')];
  if (channels !== 3) {
    throw new Error(`expected an RGB image (3 channels), found ${channels}`);
  }

  let loaded = false;

  // A brightfield slide as viewers show it: each channel at its full 8-bit window, in its own colour, added up.
  const layer = new ImageLayer({
    id: 'slide',
    loader: lowest,
    selections: [{ c: 0 }, { c: 1 }, { c: 2 }],
    colors: [[255, 0, 0], [0, 255, 0], [0, 0, 255]],
    contrastLimits: [[0, 255], [0, 255], [0, 255]],
    channelsVisible: [true, true, true],
    onViewportLoad: () => { loaded = true; },
  });

  // Orthographic zoom is log2 of screen pixels per image pixel; the image's centre at the canvas's centre.
  const zoom = Math.log2(Math.min(width / imageWidth, height / imageHeight));
  new Deck({
    parent: document.getElementById('view'),
    width,
    height,
    useDevicePixels: false,
    controller: false,
    views: [new OrthographicView({ id: 'ortho' })],
    initialViewState: { target: [imageWidth / 2, imageHeight / 2, 0], zoom },
    layers: [layer],
    onError: (error) => fail(error?.message ?? String(error)),
    // The frame after the pixels arrived is the first with the image in it.
    onAfterRender: () => {
      if (loaded && window.vivStatus === 'loading') {
        window.vivStatus = 'rendered';
      }
    },
  });
}

show().catch((error) => fail(error?.message ?? String(error)));
