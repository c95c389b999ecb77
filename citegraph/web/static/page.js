// The page works without this script; it only opens a citation's details in place (no jump down the
// page), and tells a user before sending that the files chosen are larger than the server accepts.
"use strict";

function openDetails(markId) {
  document.querySelectorAll(".detail.open, .cite.chosen").forEach((el) => el.classList.remove("open", "chosen"));
  const mark = document.getElementById(markId);
  const detail = document.getElementById("d-" + markId);
  if (mark) mark.classList.add("chosen");
  if (detail) detail.classList.add("open");
}

document.addEventListener("click", (event) => {
  const cite = event.target.closest("a.cite");
  if (cite) {
    event.preventDefault();
    openDetails(cite.id);
    history.replaceState(null, "", "#" + cite.id);
    return;
  }
  const goto = event.target.closest("a.goto");
  if (goto) openDetails(goto.hash.slice(1));
});

document.addEventListener("DOMContentLoaded", () => {
  const shown = location.hash.slice(1);
  if (shown && document.getElementById(shown)) openDetails(shown);
  const form = document.querySelector("form.upload");
  if (form) watchUpload(form);
});

function watchUpload(form) {
  const input = form.querySelector("input[type=file]");
  const drop = form.querySelector(".drop");
  const warning = form.querySelector(".too-large");
  const limit = Number(form.dataset.limit);
  const tooLarge = () => Array.from(input.files).reduce((sum, file) => sum + file.size, 0) > limit;
  input.addEventListener("change", () => { warning.hidden = !tooLarge(); });
  drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (event) => {
    event.preventDefault();
    drop.classList.remove("over");
    input.files = event.dataTransfer.files;
    warning.hidden = !tooLarge();
  });
  form.addEventListener("submit", (event) => {
    if (tooLarge()) { event.preventDefault(); warning.hidden = false; }
  });
}
