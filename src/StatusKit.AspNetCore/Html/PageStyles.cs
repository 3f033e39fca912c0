namespace StatusKit.AspNetCore.Html;

/// <summary>
/// The page's stylesheet and script, inlined so the page is one request. The script moves the focus between the days of
/// an uptime bar with the arrow keys, Home and End (a roving tabindex: the day focused last is the bar's one tab stop),
/// into a day's incident links with Enter or the down arrow, between them with Tab and the arrows and back with Escape
/// or the up arrow (the links stay out of the tab order), says so under a day the keyboard focused and in its
/// <c>aria-description</c>, and adds to each time the short name the browser knows for the page's zone at that instant
/// ("EST (UTC-05:00)"), only where the browser's offset agrees with the one the server wrote (every page runs it).
/// It applies the live <c>status</c>, <c>group</c> and <c>page</c> events in place and, on a <c>content</c> event, fetches
/// the page again and replaces its incident, maintenance and past-incident parts, and its components section when the
/// fetched one lists other components (its <c>data-layout</c>, <see cref="ComponentLayout"/>) and no status event came
/// during the fetch, and so the subscribe form's list of components (the rest of the form, which a reader may be filling
/// in, never; the boxes ticked and the list opened are kept), keeping the keyboard focus on the same link, box or day
/// (a day by its date), one fetch at a time: events that arrive during a fetch cause one more fetch after it, and
/// a fetch that fails is tried again after a pause (1 s, doubling up to a minute), so the page does not stay stale
/// until the next change; an answer of another version than the last event named (another instance that lags behind)
/// is left and asked again a little later, four times at most. While the page is in view (<c>document.visibilityState</c>)
/// it fetches its "System metrics" section again from the URL the section names (<see cref="MetricsSection"/>), about once
/// a minute and at once on coming back into view after longer, with the last answer's ETag in <c>If-None-Match</c> (at
/// first the one the page names for the section it was loaded with, <c>data-refresh-etag</c> on its body; an unchanged
/// section is a 304, left as it is), and swaps the new one in as the other parts are (focus kept on the same
/// range link); the charts stay server-drawn.
/// </summary>
internal static class PageStyles
{
    // Every colour is a custom property, which the scheme's :root rule sets (PagePalette, PageTheme): the rules are the
    // same in light and dark. Every status colour also has text. The accent's defaults (--accent, --on-accent,
    // --accent-text) are the palette's; a page's own accent replaces them (AccentPalette), keeping its contrast.
    public const string Css = """
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
        .skip{position:absolute;left:-999px}.skip:focus{left:8px;top:8px;background:var(--surface);padding:4px 8px}
        header,main,footer{max-width:880px;margin:0 auto;padding:0 16px}
        main{overflow-wrap:break-word}
        header h1{margin:24px 0 4px;font-size:1.75rem;overflow-wrap:anywhere}
        header p{margin:0 0 16px;color:var(--muted)}
        section{margin:0 0 24px}
        h2{font-size:1.25rem;margin:0 0 8px}
        h3{font-size:1rem;margin:12px 0 4px}
        .banner{color:var(--on-status);border-radius:8px;padding:16px 20px;background:var(--ok)}
        .banner h2{margin:0;font-size:1.35rem}
        .ind-none{background:var(--ok)}.ind-maintenance{background:var(--maint)}.ind-minor{background:var(--minor)}.ind-major{background:var(--major)}.ind-critical{background:var(--critical)}
        .card{background:var(--surface);border:1px solid var(--line);border-radius:8px;padding:12px 16px}
        ul.components{list-style:none;margin:0;padding:0}
        .component{padding:10px 0;border-top:1px solid var(--line)}
        .component:first-child{border-top:0}
        .group>ul.components{padding-left:12px;border-left:2px solid var(--line)}
        .group+ul.components{margin-top:12px}
        .row{display:flex;flex-wrap:wrap;justify-content:space-between;gap:4px 12px}
        .name{font-weight:600;overflow-wrap:anywhere}
        .desc{color:var(--muted);font-size:.875rem;margin:0}
        .status{font-weight:600}
        .st-operational{color:var(--ok)}.st-under_maintenance{color:var(--maint)}.st-degraded_performance{color:var(--minor)}.st-partial_outage{color:var(--major)}.st-major_outage{color:var(--critical)}
        .uptime{display:flex;gap:1px;margin:6px 0 0;padding:0;list-style:none;height:28px;position:relative}
        .uptime li{flex:1 1 0;min-width:1px;border-radius:1px;background:var(--ok);cursor:default}
        .uptime li:focus{outline:2px solid var(--fg);outline-offset:1px}
        .tip{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
        .uptime li:not(.tip-off):hover .tip,.uptime li:not(.tip-off):focus .tip,.uptime li:not(.tip-off):focus-within .tip{left:0;right:0;top:100%;width:auto;height:auto;overflow:visible;clip-path:none;white-space:normal;z-index:1;margin-top:4px;padding:2px 8px;background:var(--surface);color:var(--fg);border:1px solid var(--line);border-radius:4px;font-size:.8125rem}
        .tip::before{content:"";position:absolute;left:0;right:0;bottom:100%;height:6px}
        [data-keys] .uptime li:focus-visible>.tip::after{content:"\2190  \2192  other days" / "";display:block;color:var(--muted);font-size:.75rem}
        [data-keys] .uptime li:focus-visible>.tip:has(a)::after{content:"\2190  \2192  other days \00b7  Enter: this day\2019s incidents" / ""}
        [data-keys] .uptime .tip:has(a:focus-visible)::after{content:"Tab, \2190  \2192  other incidents \00b7  Esc: back to the day" / "";display:block;color:var(--muted);font-size:.75rem}
        .uptime .d-under_maintenance{background:var(--maint)}.uptime .d-degraded_performance{background:var(--minor)}.uptime .d-partial_outage{background:var(--major)}.uptime .d-major_outage{background:var(--critical)}.uptime .d-none{background:var(--none)}
        .legend{display:flex;justify-content:space-between;color:var(--muted);font-size:.75rem}
        .incident{border-left:4px solid var(--minor);padding-left:12px;margin:0 0 16px}
        .incident.impact-major{border-color:var(--major)}.incident.impact-critical{border-color:var(--critical)}.incident.maintenance{border-color:var(--maint)}
        .incident h3,.incident h2{margin:0}
        .incident h3 a{color:inherit}
        .home{color:inherit;text-decoration:none}
        .logo{max-height:48px;max-width:100%;height:auto;vertical-align:middle}
        ul.history,ul.occurrences{list-style:none;margin:0 0 12px;padding:0}
        ul.history li,ul.occurrences li{margin:0 0 6px}
        nav.pages{display:flex;gap:16px;margin-top:8px}
        ol.timeline{list-style:none;margin:4px 0 0;padding:0}
        ol.timeline li{margin:0 0 6px}
        .state{font-weight:600}
        .meta{color:var(--muted);font-size:.875rem}
        .subscribe{margin:0 0 16px}
        .subscribe>summary{display:inline-block;cursor:pointer;font-weight:600;color:var(--accent-text);border:1px solid var(--line);border-radius:6px;padding:4px 12px;background:var(--surface)}
        .subscribe form{background:var(--surface);border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin-top:8px;display:grid;gap:10px;max-width:560px}
        .subscribe fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}
        .subscribe legend{font-weight:600;padding:0;margin-bottom:4px}
        .subscribe label{overflow-wrap:anywhere}
        .subscribe input[name=destination]{font:inherit;padding:6px 8px;color:var(--fg);background:var(--surface);border:1px solid var(--field);border-radius:6px;width:100%}
        #subscribe-components{display:contents}
        .subscribe .some fieldset{flex-direction:column;flex-wrap:nowrap;max-height:240px;overflow:auto}
        .subscribe .some summary{cursor:pointer}
        .subscribe button,.notice button{font:inherit;font-weight:600;color:var(--on-accent);background:var(--accent);border:0;border-radius:6px;padding:6px 16px;cursor:pointer}
        .subscribe button{justify-self:start}
        .subscribe p{margin:0}
        .notice .subscribe form{border:0;padding:0;margin:0 0 16px}
        main.notice{max-width:560px;margin:48px auto;padding:16px 24px}
        .notice h1{font-size:1.5rem;margin:0 0 12px;overflow-wrap:anywhere}
        .notice .brand{margin:0 0 16px;font-size:1.125rem;font-weight:600;overflow-wrap:anywhere}
        footer{padding-bottom:32px;color:var(--muted);font-size:.875rem}
        footer a{color:var(--accent-text)}
        .metric{padding:10px 0;border-top:1px solid var(--line)}.metric-head{display:flex;justify-content:space-between;gap:8px;flex-wrap:wrap;align-items:baseline}
        .metric h3{font-size:1rem;margin:0;overflow-wrap:anywhere}.metric-latest{margin:0}.metric-chart{display:block;width:100%;height:80px;margin-top:6px;color:var(--accent-text)}
        .metric-ranges{display:flex;gap:6px;margin:0 0 8px}.metric-ranges a{color:var(--accent-text);border:1px solid var(--line);border-radius:6px;padding:2px 10px;text-decoration:none}
        .metric-ranges a[aria-current]{color:var(--on-accent);background:var(--accent);border-color:var(--accent);font-weight:600}
        @media (max-width:480px){header h1{font-size:1.4rem}.uptime{height:22px}.banner{padding:12px 14px}}
        """;

    /// <summary>
    /// What a page's own accent adds to <see cref="Css"/>, after its custom properties (<see cref="AccentPalette"/>): a
    /// rule along the top and the links of the content in the accent. Written only for a page that has an accent, so an
    /// unbranded page keeps the browser's link colour.
    /// </summary>
    public const string AccentRules = "body{border-top:4px solid var(--accent)}main a{color:var(--accent-text)}";

    public const string Script = """
        (function(){
          function day(el){return el&&el.matches&&el.matches('.uptime>li')?el:null;}
          var words=JSON.parse(document.body.getAttribute('data-texts')||'{}');
          var keys=words['keys-days']||'Left and right arrows, Home and End: other days.';
          function describe(root){
            root.querySelectorAll('.uptime>li').forEach(function(d){
              d.setAttribute('aria-description',d.querySelector('.tip a')?keys+' '+(words['keys-enter']||'Enter: this day\'s incidents.'):keys);
            });
            root.querySelectorAll('.uptime .tip a').forEach(function(a){a.setAttribute('aria-description',words['keys-back']||'Escape: back to the day.');});
          }
          document.body.setAttribute('data-keys','');
          describe(document);
          document.addEventListener('focusin',function(e){
            var d=day(e.target);
            if(!d){return;}
            d.classList.remove('tip-off');
            var stop=d.parentNode.querySelector('li[tabindex="0"]');
            if(stop&&stop!==d){stop.tabIndex=-1;}
            d.tabIndex=0;
          });
          // A day's incident links are no tab stops: Enter or Down goes to the first, Tab and the arrows between them
          // (Shift+Tab from the first back to the day, Tab from the last on past the bar), Escape or Up back to the day.
          // Escape hides the details of the day under the pointer or the focus (they cover what is below them) until
          // the pointer or the focus leaves that day.
          document.addEventListener('mouseout',function(e){
            var d=e.target.closest&&e.target.closest('.uptime>li');
            if(d&&!d.contains(e.relatedTarget)){d.classList.remove('tip-off');}
          });
          document.addEventListener('keydown',function(e){
            if(e.altKey||e.ctrlKey||e.metaKey){return;}
            var d=day(e.target),link=!d&&e.target.matches&&e.target.matches('.uptime .tip a')?e.target:null;
            if(!link&&e.key==='Escape'){
              document.querySelectorAll('.uptime>li:hover,.uptime>li:focus').forEach(function(shown){shown.classList.add('tip-off');});
              return;
            }
            if(!d&&!link){return;}
            var all=link?link.closest('.tip').querySelectorAll('a'):d.parentNode.children,i=Array.prototype.indexOf.call(all,link||d);
            var to=link
              ?{ArrowLeft:i-1,ArrowRight:i+1,Tab:e.shiftKey?i-1:i+1,Escape:'day',ArrowUp:'day'}[e.key]
              :{ArrowLeft:i-1,ArrowRight:i+1,Home:0,End:all.length-1,Enter:'tip',ArrowDown:'tip'}[e.key];
            if(to===undefined){return;}
            var next=to==='day'?link.closest('li'):to==='tip'?d.querySelector('.tip a'):all[to];
            if(!next&&(e.key==='Tab'||to==='tip')){return;}
            e.preventDefault();
            if(next){next.focus();}
          });
          var zone=document.body.getAttribute('data-time-zone'),names=null;
          function part(format,at,type){
            var parts=format.formatToParts(at);
            for(var i=0;i<parts.length;i++){if(parts[i].type===type){return parts[i].value;}}
            return '';
          }
          function nameTimes(root){
            try{
              if(!names){
                var locales=(navigator.languages||[]).filter(function(l){return /^en(-|$)/i.test(l);}).concat(['en-US','en-GB','en-AU','en-IN']);
                names={offset:new Intl.DateTimeFormat('en-US',{timeZone:zone,timeZoneName:'longOffset'}),short:locales.map(function(l){return new Intl.DateTimeFormat(l,{timeZone:zone,timeZoneName:'short'});})};
              }
              root.querySelectorAll('time[datetime]').forEach(function(el){
                var m=/([+-])(\d\d):(\d\d)$/.exec(el.getAttribute('datetime'));
                if(!m){return;}
                var label=m[2]+m[3]==='0000'?'UTC':'UTC'+m[1]+m[2]+':'+m[3],text=el.textContent;
                if(text.slice(-label.length)!==label){return;}
                var at=new Date(el.getAttribute('datetime'));
                if(part(names.offset,at,'timeZoneName').replace('GMT','UTC').replace('\u2212','-')!==label){return;}
                for(var i=0;i<names.short.length;i++){
                  var name=part(names.short[i],at,'timeZoneName');
                  if(/^[A-Z]{2,5}$/.test(name)&&name!=='GMT'&&name!=='UTC'){
                    el.textContent=text.slice(0,-label.length)+name+' ('+label+')';
                    return;
                  }
                }
              });
            }catch(e){}
          }
          if(zone){nameTimes(document);}
          // The charts' section (#metrics), fetched again as the server draws it (data-refresh) while the page is in view,
          // every data-refresh-ms and at once on coming back into view after longer, naming the last one's ETag (at
          // first the one the page names for the section it holds, data-refresh-etag): an unchanged section is a 304
          // and stays. One fetch at a time; a failed one waits for the next turn.
          var charts=document.getElementById('metrics');
          if(charts&&charts.getAttribute('data-refresh')&&window.fetch&&window.DOMParser){
            var every=+charts.getAttribute('data-refresh-ms'),chartTag=document.body.getAttribute('data-refresh-etag'),charting=false,charted=Date.now();
            if(!(every>0)){every=60000;}
            var chart=function(){
              var now=document.getElementById('metrics');
              if(!now||charting||document.visibilityState==='hidden'){return;}
              charting=true;charted=Date.now();
              var abort=window.AbortController?new AbortController():null,headers={'Accept':'text/html'};
              var timeout=setTimeout(function(){if(abort){abort.abort();}},15000);
              if(chartTag){headers['If-None-Match']=chartTag;}
              fetch(now.getAttribute('data-refresh'),{cache:'no-store',credentials:'same-origin',headers:headers,signal:abort?abort.signal:undefined})
                .then(function(r){
                  if(!r.ok){return;}
                  var tag=r.headers.get('ETag');
                  return r.text().then(function(text){
                    var was=document.getElementById('metrics'),next=new DOMParser().parseFromString(text,'text/html').getElementById('metrics');
                    if(next){replace(was,next);}else if(was){was.remove();}
                    chartTag=tag;
                  });
                })
                .catch(function(){})
                .then(function(){clearTimeout(timeout);charting=false;});
            };
            setInterval(chart,every);
            document.addEventListener('visibilitychange',function(){if(document.visibilityState==='visible'&&Date.now()-charted>=every){chart();}});
          }
          var url=document.body.getAttribute('data-events'),version=document.body.getAttribute('data-version');
          if(!url||!window.EventSource){return;}
          if(version){url+=(url.indexOf('?')<0?'?':'&')+'version='+encodeURIComponent(version);}
          var source=new EventSource(url);
          var fetching=false,again=false,failed=false,moved=false,retry=0,pause=1000,wanted=null,lagging=0,behind=false;
          // The version of the page the last event named (the snapshot that shows it), which a fetch should get.
          function want(d){var v=d.version||null;if(v!==wanted){lagging=0;}wanted=v;}
          source.onopen=function(){document.body.setAttribute('data-live','connected');};
          source.onerror=function(){document.body.setAttribute('data-live','reconnecting');};
          // Written only when changed: the banner is a live region, which announces every write.
          function show(el,className,text){
            if(el.className!==className){el.className=className;}
            if(el.textContent!==text){el.textContent=text;}
          }
          function copy(now,next){if(now&&next){show(now,next.className,next.textContent);}}
          source.addEventListener('status',function(e){
            if(fetching){moved=true;}
            var d=JSON.parse(e.data);
            want(d);
            var item=document.getElementById('component-'+d.component_id);
            if(!item){if(d.status!=='operational'){refresh();}return;}
            var s=item.querySelector('[data-status]');
            s.className='status st-'+d.status;
            s.textContent=words[d.status]||d.status_text;
            item.setAttribute('data-component-status',d.status);
            if(d.status==='operational'&&item.hasAttribute('data-only-show-if-degraded')){refresh();}
          });
          source.addEventListener('group',function(e){
            if(fetching){moved=true;}
            var d=JSON.parse(e.data);
            want(d);
            var group=document.getElementById('group-'+d.group_id);
            if(!group){return;}
            var s=group.querySelector('h3 [data-status]');
            s.className='status st-'+d.status;
            s.textContent='('+(words[d.status]||d.status_text)+')';
          });
          source.addEventListener('page',function(e){
            if(fetching){moved=true;}
            var d=JSON.parse(e.data);
            want(d);
            var banner=document.getElementById('banner');
            if(banner.className!=='banner ind-'+d.indicator){banner.className='banner ind-'+d.indicator;banner.setAttribute('data-indicator',d.indicator);}
            var text=document.getElementById('banner-text');
            show(text,text.className,words['ind-'+d.indicator]||d.description);
          });
          function statuses(doc){
            var banner=document.getElementById('banner'),next=doc.getElementById('banner');
            if(banner&&next){
              if(banner.className!==next.className){banner.className=next.className;banner.setAttribute('data-indicator',next.getAttribute('data-indicator'));}
              copy(document.getElementById('banner-text'),doc.getElementById('banner-text'));
            }
            doc.querySelectorAll('li.component[id]').forEach(function(next){
              var now=document.getElementById(next.id);
              if(!now){return;}
              now.setAttribute('data-component-status',next.getAttribute('data-component-status'));
              copy(now.querySelector('[data-status]'),next.querySelector('[data-status]'));
            });
            doc.querySelectorAll('.group[id]').forEach(function(next){
              var now=document.getElementById(next.id);
              if(now){copy(now.querySelector('h3 [data-status]'),next.querySelector('h3 [data-status]'));}
            });
          }
          // What had the focus in root, to find it again in root's replacement: by its id, or within the element with
          // an id around it (a component's row) by its href or text, or for a day by its date (the bar fetched after
          // midnight has moved on by one) or, that date gone, its place in the bar.
          function focusIn(root){
            var el=document.activeElement;
            if(!el||el===root||!root.contains(el)){return null;}
            var owner=el.parentNode.closest('[id]'),d=day(el);
            return {id:el.id,tag:el.tagName,href:el.getAttribute('href'),text:el.textContent,owner:owner&&root.contains(owner)?owner.id:'',
              day:d?Array.prototype.indexOf.call(d.parentNode.children,d):-1,date:d?d.getAttribute('data-day'):''};
          }
          function refocus(key,root){
            var el=key.id?document.getElementById(key.id):null;
            if(!el||!root.contains(el)||el.tagName!==key.tag){
              var scope=document.getElementById(key.owner),found=scope&&root.contains(scope);
              el=null;
              if(!found){scope=root;}
              var bar=key.day>=0&&found?scope.querySelector('.uptime'):null,all=scope.getElementsByTagName(key.tag);
              if(bar){el=bar.querySelector('[data-day="'+key.date+'"]')||bar.children[Math.min(key.day,bar.children.length-1)];}
              for(var i=0;i<all.length&&!el&&key.day<0;i++){
                if(key.href!==null?all[i].getAttribute('href')===key.href:all[i].textContent===key.text){el=all[i];}
              }
            }
            if(el){el.focus({preventScroll:true});}
          }
          // What the reader did in now, done again in next before it takes now's place: the boxes they ticked and the
          // lists they opened, by id (a box that is gone goes with its component).
          function keep(now,next){
            now.querySelectorAll('input:checked[id],details[open][id]').forEach(function(el){
              var same=next.querySelector('[id="'+el.id+'"]');
              if(same&&el.tagName==='INPUT'){same.checked=true;}else if(same){same.open=true;}
            });
          }
          function replace(now,next){
            if(!now||!next){return;}
            var key=focusIn(now);
            next=document.importNode(next,true);keep(now,next);now.replaceWith(next);
            if(zone){nameTimes(next);}
            describe(next);
            if(key){refocus(key,next);}
          }
          var parts=['current-incidents','active-maintenance','upcoming-maintenance','past-incidents'];
          function refresh(){
            if(fetching){again=true;return;}
            clearTimeout(retry);
            fetching=true;again=false;failed=false;moved=false;behind=false;
            var abort=window.AbortController?new AbortController():null;
            var timeout=setTimeout(function(){if(abort){abort.abort();}},15000);
            fetch(location.pathname+location.search,{cache:'no-store',credentials:'same-origin',headers:{'Accept':'text/html'},signal:abort?abort.signal:undefined})
              .then(function(r){if(!r.ok){throw new Error(r.status);}return r.text();})
              .then(function(text){
                var doc=new DOMParser().parseFromString(text,'text/html');
                // Another version than the last event named: an instance behind a load balancer that has not rebuilt
                // the page yet. Nothing taken from it; asked again a little later, four times at most, then taken.
                if(wanted&&doc.body.getAttribute('data-version')!==wanted&&lagging<4){lagging++;behind=true;return;}
                parts.forEach(function(id){replace(document.getElementById(id),doc.getElementById(id));});
                if(moved){again=true;}
                else{
                  // The components as listed anew when they changed (their statuses are the fetch's, as nothing moved),
                  // in their section and in the subscribe form.
                  ['components','subscribe-components'].forEach(function(id){
                    var now=document.getElementById(id),next=doc.getElementById(id);
                    if(now&&next&&now.getAttribute('data-layout')!==next.getAttribute('data-layout')){replace(now,next);}
                  });
                  statuses(doc);
                }
                pause=1000;
              })
              .catch(function(){failed=true;})
              .then(function(){
                clearTimeout(timeout);
                fetching=false;
                if(again){refresh();}
                else if(failed){retry=setTimeout(refresh,pause);pause=Math.min(pause*2,60000);}
                else if(behind){retry=setTimeout(refresh,125<<lagging);}
              });
          }
          source.addEventListener('content',function(e){want(JSON.parse(e.data));refresh();});
          source.addEventListener('reload',function(){location.reload();});
        })();
        """;
}
