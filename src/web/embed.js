// For documentation sites that embed the assistant in an iframe: each frame marked
// data-smarthost-assistant takes the height its content reports, so it never scrolls inside.
window.addEventListener('message', (event) => {
    if (event.data?.type !== 'smarthost-assistant:height') return;
    for (const frame of document.querySelectorAll('iframe[data-smarthost-assistant]')) {
        if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(event.data.height)}px`;
    }
});
