/* Upload page: every file in its own request with its own progress bar, at most
   three at a time, so hundreds of photos in one go work. The server answers each
   request with JSON: {file, outcome, label, message, url, thumb, status, status_url}.
   A photo answered with status "processing" shows "Diproses" until the server has made
   its renditions: one request every POLL_MS asks the status URL about all of them at
   once ({photos: [{media_id, status, outcome, label, message, url, thumb}]}). */
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form) return;
  var input = document.getElementById("file");
  var zone = document.getElementById("drop-zone");
  var list = document.getElementById("upload-list");
  var summary = document.getElementById("upload-summary");
  var token = form.querySelector("input[name=csrf_token]").value;
  var maxBytes = parseInt(form.dataset.maxBytes, 10) || 0;
  var CONCURRENCY = 3;
  var queue = [];
  var active = 0;
  var counts = {ingested: 0, duplicate: 0, rejected: 0};
  var POLL_MS = 1500;
  var processing = {};  // media id -> the job whose row waits for its renditions
  var statusUrl = null;
  var polling = false;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text) node.textContent = text;
    return node;
  }

  function addFiles(files) {
    for (var i = 0; i < files.length; i++) {
      var row = el("li", "upload-row waiting");
      row.appendChild(el("span", "name", files[i].name));
      var bar = el("progress");
      bar.max = 100; bar.value = 0;
      row.appendChild(bar);
      var result = el("span", "result", form.dataset.msgWaiting);
      row.appendChild(result);
      list.appendChild(row);
      queue.push({file: files[i], row: row, bar: bar, result: result});
    }
    pump();
  }

  function finish(job, data) {
    var outcome = data.outcome || "rejected";
    counts[outcome] = (counts[outcome] || 0) + 1;
    show(job, data);
    if (data.status === "processing" && data.status_url && data.media_id) {
      processing[data.media_id] = job;
      statusUrl = statusUrl || data.status_url;
      schedulePoll();
    }
    active--;
    showSummary();
    pump();
  }

  function show(job, data) {
    var outcome = data.outcome || "rejected";
    job.row.className = "upload-row " + outcome + (data.status === "processing" ? " processing" : "");
    job.bar.value = 100;
    job.result.textContent = "";
    job.result.appendChild(el("strong", null, data.label || form.dataset.labelRejected));
    job.result.appendChild(document.createTextNode(" " + (data.message || "")));
    if (data.url) {
      var link = el("a");
      link.href = data.url;
      if (data.thumb && outcome === "ingested") {
        var img = el("img", "mini");
        img.src = data.thumb; img.alt = "";
        link.appendChild(img);
      }
      link.appendChild(document.createTextNode(form.dataset.msgSee));
      job.result.appendChild(document.createTextNode(" "));
      job.result.appendChild(link);
    }
  }

  function schedulePoll() {
    if (polling) return;
    polling = true;
    window.setTimeout(poll, POLL_MS);
  }

  function poll() {
    var ids = Object.keys(processing);
    if (!ids.length) { polling = false; return; }
    var url = new URL(statusUrl, window.location.href);
    url.search = "";
    ids.slice(0, 200).forEach(function (id) { url.searchParams.append("id", id); });
    var xhr = new XMLHttpRequest();
    xhr.open("GET", url.toString());
    xhr.setRequestHeader("Accept", "application/json");
    xhr.onload = function () {
      var body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      ((body && body.photos) || []).forEach(function (photo) {
        var job = processing[photo.media_id];
        if (!job || photo.status === "processing") return;
        delete processing[photo.media_id];
        if (photo.outcome === "rejected") {
          counts.ingested--; counts.rejected++;
          showSummary();
        }
        show(job, photo);
      });
      polling = false;
      schedulePoll();
    };
    xhr.onerror = function () { polling = false; schedulePoll(); };
    xhr.send();
  }

  function showSummary() {
    if (active || queue.length) return;
    summary.textContent = form.dataset.msgSummary
      .replace("{ok}", counts.ingested).replace("{dup}", counts.duplicate).replace("{bad}", counts.rejected);
  }

  function send(job) {
    active++;
    if (maxBytes && job.file.size > maxBytes) {
      finish(job, {outcome: "rejected", message: form.dataset.msgTooLarge});
      return;
    }
    var data = new FormData();
    ["credit", "copyright", "caption_prefix"].forEach(function (name) {
      data.append(name, form.elements[name].value);
    });
    data.append("file", job.file, job.file.name);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("X-CSRFToken", token);
    xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    xhr.setRequestHeader("Accept", "application/json");
    job.row.className = "upload-row uploading";
    job.result.textContent = form.dataset.msgUploading;
    xhr.upload.onprogress = function (event) {
      if (event.lengthComputable) job.bar.value = Math.round(95 * event.loaded / event.total);
      if (event.loaded === event.total) job.result.textContent = form.dataset.msgProcessing;
    };
    xhr.onload = function () {
      var body = null;
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
      if (!body) body = {outcome: "rejected", message: form.dataset.msgFailed + " (HTTP " + xhr.status + ")"};
      if (!body.outcome) body = {outcome: "rejected", message: body.message || body.error || form.dataset.msgFailed};
      finish(job, body);
    };
    xhr.onerror = function () { finish(job, {outcome: "rejected", message: form.dataset.msgFailed}); };
    xhr.send(data);
  }

  function pump() {
    while (active < CONCURRENCY && queue.length) send(queue.shift());
  }

  input.addEventListener("change", function () {
    addFiles(input.files);
    input.value = "";
  });
  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () { zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files) addFiles(event.dataTransfer.files);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (input.files.length) addFiles(input.files);
  });
})();
