"""The page itself (trang làm việc): one HTML document, its style and script inline, its words from labels.json.

Nothing is loaded from the network: the style sheet and the script are in the page, allowed
by the Content-Security-Policy nonce of the response, and the words (``labels.json``,
``web``) travel in a JSON block the script reads. The script talks to the application with
``fetch``, sending the page's token in a header; it collects files from a file picker, a
folder picker or a drop (folders walked), polls a run's progress, shows the matrix with its
filters, and opens a plan beside it.
"""

from __future__ import annotations

import json
from html import escape

import vnplan.vocab as vocab
from vnplan.report.html import CSS as REPORT_CSS
from vnplan.report.html import JS as SORT_JS
from vnplan.vocab.types import by_language

_WEB = by_language(vocab.labels().web)

CSS = """
body{max-width:none}header.top{display:flex;justify-content:space-between;align-items:baseline;flex-wrap:wrap}
section.step{border:1px solid #d5d9df;border-radius:6px;padding:.6rem 1rem;margin:.8rem 0;background:#fafbfc}
section.step h2{margin:.2rem 0 .6rem;border:0;font-size:1.1rem}
label{margin-right:1rem}.row{margin:.35rem 0}
#drop{border:2px dashed #8a99ad;border-radius:6px;padding:1.2rem;text-align:center;color:#334;background:#fff}
#drop.over{background:#e8f0fe;border-color:#1565c0}
button,.btn{font:inherit;padding:.3rem .8rem;border:1px solid #8a99ad;border-radius:4px;background:#fff;cursor:pointer;
  color:#1b1b1b;text-decoration:none;display:inline-block}
button.primary{background:#1565c0;border-color:#1565c0;color:#fff;font-weight:600}
button:disabled{opacity:.5;cursor:default}label.btn:has(input:disabled){opacity:.5;cursor:default}
progress{width:28rem;max-width:100%;height:1.1rem;vertical-align:middle}
#review table{margin:.4rem 0;font-size:.85rem}#review td.t{max-width:48rem}
.filters{display:flex;gap:1rem;flex-wrap:wrap;align-items:center;margin:.4rem 0}
.filters select{max-width:26rem}
.downloads a{margin-right:.5rem}.note{color:#555}.err{color:#b71c1c;font-weight:600}
#viewer{position:fixed;inset:0;background:rgba(20,30,40,.45);display:none;z-index:20}
#viewer.open{display:block}
#viewer .panel{position:absolute;inset:1.5rem;background:#fff;border-radius:6px;display:flex;flex-direction:column;
  box-shadow:0 4px 24px rgba(0,0,0,.3)}
#viewer .bar{display:flex;gap:.6rem;align-items:center;padding:.5rem 1rem;border-bottom:1px solid #ddd}
#viewer .bar .grow{flex:1}#viewer-body{overflow:hidden;flex:1;display:flex}
.pv{display:flex;flex-direction:column;flex:1;min-height:0}.pv-head{padding:.3rem 1rem}.pv-head h2{margin:.2rem 0}
.pv-body{display:flex;flex:1;min-height:0}
.pv-text{flex:3;overflow:auto;padding:.5rem 1rem;font-family:"Times New Roman",Times,serif;font-size:1.02rem;
  border-right:1px solid #ddd}
.pv-side{flex:2;overflow:auto;padding:.5rem 1rem;font-size:.9rem}
.pv-warn{background:#fff3e0;border-left:4px solid #e65100;padding:.2rem .6rem;margin:.3rem 0}
.blk{margin:.15rem 0;white-space:pre-wrap}.blk.art{color:#888}
.ln{display:inline-block;min-width:2.6em;color:#999;font-family:system-ui,sans-serif;font-size:.75rem;user-select:none}
mark{padding:0 .05em;border-radius:2px}mark.evidence{background:#c8e6c9}
mark.finding{background:#ffe0b2;border-bottom:2px solid #e65100}mark.finding.sev-error{background:#ffcdd2;border-color:#b71c1c}
mark.finding.sev-info{background:#e3f2fd;border-color:#0d47a1}mark.finding.evidence{background:#fff59d}
mark.place{font-weight:700;color:#b71c1c}mark.flash{outline:3px solid #1565c0}
.pv-findings li{margin:.3rem 0 .6rem}.pv-findings .msg{margin:.1rem 0}.pv-findings .why,.pv-findings .src,
.pv-findings .fix{color:#444;font-size:.85rem}.pv-findings details{font-size:.85rem}
.pv-reqs li{margin:.2rem 0}.pv-reqs li .st{font-weight:600}
.pv-reqs li.met .st{color:#1b5e20}.pv-reqs li.missing .st{color:#b71c1c}.pv-reqs li.partial .st{color:#8d6e00}
[hidden]{display:none !important}
"""

JS = r"""
(function(){
  var W=JSON.parse(document.getElementById('words').textContent);
  var TOKEN=document.querySelector('meta[name=vnplan-token]').content;
  function $(id){return document.getElementById(id);}
  function fmt(s,v){return s.replace(/\{(\w+)\}/g,function(m,k){return k in v?v[k]:m;});}
  function api(path,opts){opts=opts||{};opts.headers=Object.assign({'X-Vnplan-Token':TOKEN},opts.headers||{});
    return fetch(path,opts).then(function(r){return r.json().then(function(j){if(!r.ok)throw new Error(j.error||r.status);return j;});});}
  function text(el,s){el.textContent=s;}
  function size(n){return n<1048576?(Math.round(n/1024)+' KB'):((n/1048576).toFixed(1).replace('.',',')+' MB');}
  var chosen=[], profileRef='', run=null, timer=null;

  /* ---- 1. the parent plan's profile */
  function mode(){var r=document.querySelector('input[name=pmode]:checked');return r?r.value:'none';}
  function setProfile(ref,title,n){profileRef=ref;text($('profile-status'),ref?fmt(W.profile_ready,{title:title,n:n}):'');}
  function onMode(){var m=mode();$('shipped').disabled=m!=='shipped';$('profile-file').disabled=m!=='upload';
    $('parent-file').disabled=m!=='derive';$('derive-btn').disabled=m!=='derive';$('review').hidden=true;
    if(m==='none')setProfile('','',0);
    if(m==='shipped'){var o=$('shipped').selectedOptions[0];if(o)setProfile('shipped:'+o.value,o.value,o.getAttribute('data-n'));}
    if(m==='upload'||m==='derive')setProfile('','',0);}
  Array.prototype.forEach.call(document.querySelectorAll('input[name=pmode]'),function(r){r.addEventListener('change',onMode);});
  $('shipped').addEventListener('change',onMode);
  $('profile-file').addEventListener('change',function(){var f=this.files[0];if(!f)return;var fd=new FormData();
    fd.append('profile',f);text($('profile-status'),W.loading);
    api('/api/profiles/upload',{method:'POST',body:fd}).then(function(p){setProfile('local:'+p.id,p.title,p.requirements.length);})
      .catch(function(e){profileRef='';showError($('profile-status'),e);});});
  $('derive-btn').addEventListener('click',function(){var f=$('parent-file').files[0];if(!f)return;var fd=new FormData();
    fd.append('parent',f,f.name);text($('profile-status'),W.deriving);
    api('/api/profiles/derive',{method:'POST',body:fd}).then(review).catch(function(e){showError($('profile-status'),e);});});
  function review(p){var box=$('review');box.hidden=false;box.innerHTML='';text($('profile-status'),'');
    var h=document.createElement('p');text(h,W.review_title+' · '+p.title);box.appendChild(h);
    var t=document.createElement('table');var head=t.createTHead().insertRow();
    [W.keep,W.col_requirement,W.col_kind,W.col_text,W.col_mandatory].forEach(function(s){var th=document.createElement('th');text(th,s);head.appendChild(th);});
    var body=t.createTBody();p.requirements.forEach(function(q){var tr=body.insertRow();var c=tr.insertCell();
      var cb=document.createElement('input');cb.type='checkbox';cb.checked=true;cb.value=q.id;c.appendChild(cb);
      text(tr.insertCell(),q.id);text(tr.insertCell(),W['kind_'+q.kind]||q.kind);var tt=tr.insertCell();tt.className='t';text(tt,q.text);
      text(tr.insertCell(),q.mandatory?W.yes:'');});
    box.appendChild(t);var b=document.createElement('button');b.id='use-profile';b.className='primary';text(b,W.review_use);
    b.addEventListener('click',function(){var keep=Array.prototype.map.call(box.querySelectorAll('input:checked'),function(x){return x.value;});
      api('/api/profiles/'+p.id+'/accept',{method:'POST',headers:{'Content-Type':'application/json'},body:JSON.stringify({keep:keep})})
        .then(function(a){box.hidden=true;setProfile('local:'+a.id,a.title,a.requirements.length);})
        .catch(function(e){showError($('profile-status'),e);});});
    box.appendChild(b);}

  /* ---- 2. the units' plans: files, folders, a .zip, dropped or picked */
  function showChosen(){var n=0;chosen.forEach(function(c){n+=c.file.size;});
    text($('chosen'),chosen.length?fmt(W.chosen,{n:chosen.length,size:size(n)}):'');$('start').disabled=!chosen.length;}
  function addFiles(list){Array.prototype.forEach.call(list,function(f){chosen.push({file:f,path:f.webkitRelativePath||f.name});});showChosen();}
  $('pick-files').addEventListener('change',function(){addFiles(this.files);this.value='';});
  $('pick-folder').addEventListener('change',function(){addFiles(this.files);this.value='';});
  $('clear').addEventListener('click',function(){chosen=[];showChosen();});
  var drop=$('drop');
  ['dragenter','dragover'].forEach(function(ev){drop.addEventListener(ev,function(e){e.preventDefault();drop.classList.add('over');});});
  drop.addEventListener('dragleave',function(){drop.classList.remove('over');});
  drop.addEventListener('drop',function(e){e.preventDefault();drop.classList.remove('over');
    var items=e.dataTransfer.items,pending=[];
    if(items&&items.length&&items[0].webkitGetAsEntry){Array.prototype.forEach.call(items,function(it){var en=it.webkitGetAsEntry();if(en)pending.push(walk(en,''));});
      Promise.all(pending).then(showChosen);}else{addFiles(e.dataTransfer.files);}});
  function walk(entry,prefix){return new Promise(function(done){
    if(entry.isFile){entry.file(function(f){chosen.push({file:f,path:prefix+f.name});done();},function(){done();});return;}
    var reader=entry.createReader(),all=[];
    (function more(){reader.readEntries(function(es){if(!es.length){Promise.all(all.map(function(x){return walk(x,prefix+entry.name+'/');})).then(done);return;}
      all=all.concat(Array.prototype.slice.call(es));more();},function(){done();});})();});}

  /* ---- running: upload, progress, cancel */
  $('start').addEventListener('click',function(){if(!chosen.length){text($('run-status'),W.no_files);return;}
    var fd=new FormData();fd.append('profile',profileRef);
    chosen.forEach(function(c){fd.append('plans',c.file,c.path);});
    var bf=$('baseline-file').files[0];if(bf)fd.append('baseline',bf);
    $('start').disabled=true;$('progress').hidden=false;$('results').hidden=true;$('bar').removeAttribute('value');
    text($('run-status'),W.uploading);
    api('/api/runs',{method:'POST',body:fd}).then(function(r){run=r;showSkipped(r.skipped);poll();})
      .catch(function(e){$('start').disabled=false;showError($('run-status'),e);});});
  $('cancel').addEventListener('click',function(){if(run)api('/api/runs/'+run.id+'/cancel',{method:'POST'});});
  function poll(){api('/api/runs/'+run.id).then(function(s){var bar=$('bar');bar.max=Math.max(1,s.total);bar.value=s.done;
      if(s.state==='running'){text($('run-status'),fmt(W.checking,{done:s.done,total:s.total,current:s.current}));timer=setTimeout(poll,250);return;}
      $('start').disabled=false;
      if(s.state==='failed'){showError($('run-status'),new Error(s.error));return;}
      text($('run-status'),fmt(s.state==='cancelled'?W.cancelled:W.finished,{done:s.done,total:s.total,seconds:String(s.seconds).replace('.',',')}));
      results(s);}).catch(function(e){showError($('run-status'),e);});}
  function showSkipped(list){var box=$('skipped');box.hidden=!list.length;var ul=$('skipped-list');ul.innerHTML='';
    text($('skipped-title'),fmt(W.skipped,{n:list.length}));
    list.forEach(function(s){var li=document.createElement('li');text(li,s.name+': '+s.reason);ul.appendChild(li);});}
  function showError(el,e){el.className='err';text(el,e.message||String(e));setTimeout(function(){el.className='';},8000);}

  /* ---- 3. the matrix, its filters, the downloads */
  function results(s){api('/api/runs/'+run.id+'/matrix').then(function(m){
    $('results').hidden=false;text($('headline'),m.headline);
    text($('accepted'),s.accepted?fmt(W.accepted_note,{n:s.accepted}):'');
    $('matrix-box').innerHTML=m.html;makeSortable();
    var fu=$('f-unit'),fr=$('f-req');fu.length=1;fr.length=1;
    m.units.forEach(function(u){var o=document.createElement('option');o.value=String(u.i);text(o,u.unit+' · '+u.file);fu.appendChild(o);});
    m.requirements.forEach(function(q){var o=document.createElement('option');o.value=q.id;text(o,q.id+': '+q.text);fr.appendChild(o);});
    $('f-req').disabled=!m.requirements.length;filter();
    Array.prototype.forEach.call(document.querySelectorAll('#downloads a'),function(a){
      a.href='/runs/'+run.id+'/download/'+a.getAttribute('data-kind')+'?t='+encodeURIComponent(TOKEN);});});}
  function makeSortable(){%SORT%}
  function filter(){var table=document.getElementById('matrix');if(!table)return;
    var only=$('f-missing').checked,unit=$('f-unit').value,req=$('f-req').value;
    var heads=table.tHead.rows[0].cells,reqCols=[],fixed=0;
    Array.prototype.forEach.call(heads,function(th,k){if(th.classList.contains('req'))reqCols.push(k);else if(!reqCols.length)fixed=k+1;});
    Array.prototype.forEach.call(table.tBodies[0].rows,function(tr){
      tr.hidden=(only&&tr.getAttribute('data-status')==='ok')||(unit!==''&&tr.getAttribute('data-i')!==unit);});
    reqCols.forEach(function(k){var id=heads[k].getAttribute('data-id');var show=req===''||id===req;
      if(show&&only&&req===''){show=Array.prototype.some.call(table.tBodies[0].rows,function(tr){return !tr.hidden&&tr.cells[k]&&
        tr.cells[k].classList.contains('missing');});}
      heads[k].hidden=!show;Array.prototype.forEach.call(table.tBodies[0].rows,function(tr){if(tr.cells[k])tr.cells[k].hidden=!show;});});}
  ['f-missing','f-unit','f-req'].forEach(function(id){$(id).addEventListener('change',filter);});

  /* ---- a plan, read with its findings in place */
  document.addEventListener('click',function(e){var a=e.target.closest&&e.target.closest('a[href^="#plan/"]');if(!a)return;
    e.preventDefault();var p=a.getAttribute('href').split('/');openPlan(+p[1],p[2]||'');});
  function openPlan(i,where){var v=$('viewer');v.classList.add('open');text($('viewer-title'),W.loading);$('viewer-body').innerHTML='';
    api('/api/runs/'+run.id+'/plans/'+i).then(function(p){text($('viewer-title'),p.unit);$('viewer-body').innerHTML=p.html;
      var sk=$('viewer-skeleton');sk.hidden=!p.skeleton;
      Array.prototype.forEach.call(sk.querySelectorAll('a'),function(a){a.href='/runs/'+run.id+'/skeleton/'+i+'.'+a.getAttribute('data-ext')+'?t='+encodeURIComponent(TOKEN);});
      var target=null;if(where.charAt(0)==='r'){target=$('pv-e-'+where.slice(1)+'-0')||$('pv-q-'+where.slice(1));}
      else if(where.charAt(0)==='f'&&where!=='findings'){target=$('pv-f-'+where.slice(1))||document.querySelector('.pv-text mark[data-f~="'+where.slice(1)+'"]');}
      else if(where==='findings'){target=document.querySelector('.pv-side');}
      if(!target)target=document.querySelector('.pv-text mark.finding');if(target)flash(target);})
      .catch(function(e){showError($('viewer-title'),e);});}
  function flash(el){el.scrollIntoView({block:'center'});if(el.tagName==='MARK'){el.classList.add('flash');setTimeout(function(){el.classList.remove('flash');},1500);}}
  $('viewer-body').addEventListener('click',function(e){var a=e.target.closest&&e.target.closest('a[href^="#pv-"]');if(!a)return;
    e.preventDefault();var id=a.getAttribute('href').slice(1),t=document.getElementById(id);
    if(!t&&id.indexOf('pv-f-')===0)t=document.querySelector('.pv-text mark[data-f~="'+id.slice(5)+'"]');if(t)flash(t);});
  $('viewer-close').addEventListener('click',function(){$('viewer').classList.remove('open');});
  document.addEventListener('keydown',function(e){if(e.key==='Escape')$('viewer').classList.remove('open');});
  Array.prototype.forEach.call(document.querySelectorAll('[data-name-of]'),function(span){var input=$(span.getAttribute('data-name-of'));
    input.addEventListener('change',function(){text(span,input.files[0]?input.files[0].name:'');});});
  onMode();showChosen();
})();
"""


def _e(s: object) -> str:
    return escape(str(s), quote=True)


def page(*, token: str, nonce: str, lang: str = "vi", shipped: list[tuple[str, int]], default: str | None = None) -> str:
    """The page, with the token its script sends and the nonce that lets its style and script run;
    ``shipped``: the shipped profiles and how many requirements each has."""
    lang = "en" if lang == "en" else "vi"
    w = _WEB[lang]
    kinds = {f"kind_{k}": v.get(lang) for k, v in vocab.labels().kinds.items()}
    cols = {f"col_{k}": v.get(lang) for k, v in vocab.labels().report_columns.items()}
    words = json.dumps({**w, **kinds, **cols}, ensure_ascii=False).replace("</", "<\\/")
    options = "".join(f'<option value="{_e(n)}" data-n="{k}"{" selected" if n == default else ""}>{_e(n)}</option>'
                      for n, k in shipped)
    start_shipped = " checked" if default in {n for n, _ in shipped} else ""
    downloads = "".join(f'<a class="btn" data-kind="{k}" href="#" download>{_e(w[f"dl_{k}"])}</a>'
                        for k in ("xlsx", "csv", "json", "html", "baseline"))
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="vnplan-token" content="{_e(token)}"><title>{_e(w['title'])}</title>
<style nonce="{_e(nonce)}">{REPORT_CSS}{CSS}</style></head><body>
<header class="top"><h1>{_e(w['title'])}</h1><p class="note">{_e(w['intro'])}</p></header>
<section class="step" id="step-profile"><h2>{_e(w['step_profile'])}</h2>
<div class="row"><label><input type="radio" name="pmode" value="none"{"" if start_shipped else " checked"}> {_e(w['profile_none'])}</label></div>
<div class="row"><label><input type="radio" name="pmode" value="shipped" id="pmode-shipped"{start_shipped}> {_e(w['profile_shipped'])}</label>
<select id="shipped">{options}</select></div>
<div class="row"><label><input type="radio" name="pmode" value="upload" id="pmode-upload"> {_e(w['profile_upload'])}</label>
<label class="btn">{_e(w['pick_file'])}<input type="file" id="profile-file" hidden accept=".json,application/json"></label>
<span class="note" data-name-of="profile-file"></span></div>
<div class="row"><label><input type="radio" name="pmode" value="derive" id="pmode-derive"> {_e(w['profile_derive'])}</label>
<label class="btn">{_e(w['pick_file'])}<input type="file" id="parent-file" hidden accept=".docx,.pdf,.txt,.md"></label>
<span class="note" data-name-of="parent-file"></span> <button type="button" id="derive-btn">{_e(w['derive_button'])}</button></div>
<div id="review" hidden></div><p id="profile-status" class="note"></p></section>
<section class="step" id="step-plans"><h2>{_e(w['step_plans'])}</h2>
<div id="drop">{_e(w['drop'])}<div class="row">
<label class="btn">{_e(w['pick_files'])}<input type="file" id="pick-files" multiple hidden accept=".docx,.pdf,.txt,.md,.zip"></label>
<label class="btn">{_e(w['pick_folder'])}<input type="file" id="pick-folder" webkitdirectory multiple hidden></label>
<button type="button" id="clear">{_e(w['clear'])}</button></div><p id="chosen" class="note"></p></div>
<div class="row">{_e(w['baseline'])} <label class="btn">{_e(w['pick_file'])}<input type="file" id="baseline-file" hidden
accept=".json,application/json"></label> <span class="note" data-name-of="baseline-file"></span></div>
<div class="row"><button type="button" class="primary" id="start" disabled>{_e(w['start'])}</button>
<span id="progress" hidden><progress id="bar"></progress> <button type="button" id="cancel">{_e(w['cancel'])}</button></span>
<span id="run-status" class="note"></span></div>
<details id="skipped" hidden><summary id="skipped-title"></summary><ul id="skipped-list"></ul></details></section>
<section class="step" id="results" hidden><h2>{_e(w['step_results'])}</h2>
<p class="headline"><strong id="headline"></strong> <span id="accepted" class="note"></span></p>
<div class="filters"><label><input type="checkbox" id="f-missing"> {_e(w['only_missing'])}</label>
<label>{_e(w['unit_filter'])} <select id="f-unit"><option value="">{_e(w['all'])}</option></select></label>
<label>{_e(w['req_filter'])} <select id="f-req"><option value="">{_e(w['all'])}</option></select></label></div>
<p class="downloads" id="downloads">{_e(w['downloads'])}: {downloads}</p>
<div class="mwrap" id="matrix-box"></div></section>
<div id="viewer"><div class="panel"><div class="bar"><strong id="viewer-title" class="grow"></strong>
<span id="viewer-skeleton" hidden><a class="btn" data-ext="docx" href="#" download>{_e(w['skeleton_docx'])}</a>
<a class="btn" data-ext="md" href="#" download>{_e(w['skeleton_md'])}</a></span>
<button type="button" id="viewer-close">{_e(w['close'])}</button></div><div id="viewer-body"></div></div></div>
<script type="application/json" id="words" nonce="{_e(nonce)}">{words}</script>
<script nonce="{_e(nonce)}">{JS.replace('%SORT%', SORT_JS)}</script>
</body></html>"""


__all__ = ["page"]
