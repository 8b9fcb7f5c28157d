// Video blocks show a plain link; the player (and the video site's scripts) loads only on click.
document.addEventListener("click", (event) => {
  const button = event.target.closest(".video__button");
  const box = button && button.closest(".video[data-video-src]");
  if (!box) return;
  event.preventDefault();
  const frame = document.createElement("iframe");
  frame.src = box.dataset.videoSrc;
  frame.title = box.dataset.videoTitle;
  frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
  frame.allowFullscreen = true;
  frame.className = "video__player";
  box.replaceChildren(frame);
  frame.focus();
});
