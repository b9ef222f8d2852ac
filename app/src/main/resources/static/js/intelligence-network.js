// The network view (Cytoscape.js, served from our own server). Data comes from the JSON endpoints named
// in the data- attributes of #cg-network; nothing is inlined in the page (CSP).
(function () {
  'use strict';

  const COLOURS = {
    PERSON: '#1f77b4', ORGANISATION: '#ff7f0e', RING: '#d62728', PHONE: '#2ca02c', SOCIAL_ACCOUNT: '#17becf',
    BANK_ACCOUNT: '#8c564b', VEHICLE: '#7f7f7f', PLACE: '#9467bd', ROUTE: '#bcbd22', EVENT: '#e377c2'
  };

  function start() {
    const box = document.getElementById('cg-network');
    if (!box || typeof cytoscape !== 'function') {
      return;
    }
    const d = box.dataset;
    const cy = cytoscape({
      container: box,
      elements: [],
      wheelSensitivity: 0.3,
      style: [
        {
          selector: 'node', style: {
            'label': 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-wrap': 'ellipsis',
            'text-max-width': 120, 'background-color': 'data(colour)', 'width': 'mapData(degree, 0, 20, 18, 48)',
            'height': 'mapData(degree, 0, 20, 18, 48)'
          }
        },
        {
          selector: 'edge', style: {
            'width': 1.5, 'line-color': '#999', 'target-arrow-color': '#999', 'target-arrow-shape': 'triangle',
            'curve-style': 'bezier', 'label': 'data(label)', 'font-size': 8, 'text-rotation': 'autorotate'
          }
        },
        {selector: '.on-path', style: {'line-color': '#d62728', 'target-arrow-color': '#d62728', 'width': 4,
            'border-width': 4, 'border-color': '#d62728'}},
        {selector: ':selected', style: {'border-width': 3, 'border-color': '#000'}}
      ]
    });

    const status = document.getElementById('network-status');
    const error = document.getElementById('network-error');

    function filterQuery() {
      const types = Array.from(document.querySelectorAll('.link-type:checked')).map(c => c.value).join(',');
      const p = new URLSearchParams();
      if (types) { p.set('types', types); }
      const from = document.getElementById('dateFrom').value;
      const to = document.getElementById('dateTo').value;
      if (from) { p.set('dateFrom', from); }
      if (to) { p.set('dateTo', to); }
      return p;
    }

    function shownIds() {
      return cy.nodes().map(n => n.id()).join(',');
    }

    function refreshExports() {
      const ids = shownIds();
      document.getElementById('export-csv').href = d.csvUrl + '?ids=' + encodeURIComponent(ids);
      document.getElementById('chart-ids').value = ids;
    }

    function fail(message) {
      error.textContent = message;
      error.classList.remove('d-none');
    }

    function load(url, merge) {
      error.classList.add('d-none');
      return fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
        .then(r => r.json().then(body => ({ok: r.ok, body: body})))
        .then(res => {
          if (!res.ok) {
            const errs = res.body.errors ? Object.values(res.body.errors).join(' ') : '';
            fail((res.body.detail || d.msgError) + ' ' + errs);
            return null;
          }
          draw(res.body, merge);
          return res.body;
        })
        .catch(() => fail(d.msgError));
    }

    function draw(view, merge) {
      if (!merge) {
        cy.elements().remove();
      }
      cy.elements().removeClass('on-path');
      const add = [];
      view.nodes.forEach(n => {
        const existing = cy.getElementById(String(n.id));
        const data = {id: String(n.id), label: n.label, kind: n.kind, degree: n.degree, group: n.group,
          betweenness: n.betweenness, colour: COLOURS[n.kind] || '#444'};
        if (existing.nonempty()) {
          existing.data(data);
        } else {
          add.push({group: 'nodes', data: data});
        }
      });
      view.links.forEach(l => {
        if (cy.getElementById('l' + l.id).empty()) {
          add.push({group: 'edges', data: {id: 'l' + l.id, source: String(l.from), target: String(l.to),
            label: l.type + ' ' + l.grading, type: l.type, observedOn: l.observedOn || ''}});
        }
      });
      cy.add(add);
      if (view.path && view.path.length) {
        view.path.forEach(id => cy.getElementById(String(id)).addClass('on-path'));
        view.links.forEach(l => cy.getElementById('l' + l.id).addClass('on-path'));
      }
      cy.layout({name: 'cose', animate: false, nodeDimensionsIncludeLabels: true}).run();
      let text = d.msgShown.replace('{0}', cy.nodes().length).replace('{1}', cy.edges().length);
      if (view.truncated) {
        text += ' ' + d.msgTruncated;
      }
      if (view.path && view.path.length === 0 && view.links.length === 0 && view.nodes.length === 2) {
        text += ' ' + d.msgNopath;
      }
      status.textContent = text;
      analyse();
      refreshExports();
    }

    // degree and groups over what is shown now (the server computed them for the last answer)
    function analyse() {
      const ranking = document.getElementById('ranking');
      ranking.replaceChildren();
      cy.nodes().sort((a, b) => b.degree() - a.degree()).slice(0, 10).forEach(n => {
        const li = document.createElement('li');
        li.textContent = n.data('label') + ' (' + n.degree() + ')';
        ranking.appendChild(li);
      });
      // the timeline: the shown links that carry a date, oldest first
      const timeline = document.getElementById('timeline');
      timeline.replaceChildren();
      cy.edges().filter(e => e.data('observedOn')).sort((a, b) => a.data('observedOn').localeCompare(b.data('observedOn')))
        .forEach(e => {
          const li = document.createElement('li');
          const typeLabel = document.querySelector('label[for="type-' + e.data('type') + '"]');
          li.textContent = e.data('observedOn').split('-').reverse().join('/') + ' · ' + e.source().data('label')
            + ' → ' + (typeLabel ? typeLabel.textContent : e.data('type')) + ' → ' + e.target().data('label');
          timeline.appendChild(li);
        });
      const groups = document.getElementById('groups');
      groups.replaceChildren();
      cy.elements().components().sort((a, b) => b.nodes().length - a.nodes().length).forEach(c => {
        const li = document.createElement('li');
        li.textContent = c.nodes().map(n => n.data('label')).slice(0, 5).join(', ')
          + (c.nodes().length > 5 ? ' … (' + c.nodes().length + ')' : '');
        groups.appendChild(li);
      });
    }

    function expandFrom(id, merge) {
      const p = filterQuery();
      p.set('entity', id);
      p.set('steps', document.getElementById('steps').value);
      return load(d.expandUrl + '?' + p.toString(), merge);
    }

    document.getElementById('expand').addEventListener('click', () => {
      const id = document.getElementById('start').value.trim();
      if (id) { expandFrom(id, false); }
    });
    document.getElementById('find-path').addEventListener('click', () => {
      const from = document.getElementById('start').value.trim();
      const to = document.getElementById('target').value.trim();
      if (!from || !to) { return; }
      const p = filterQuery();
      p.set('from', from);
      p.set('to', to);
      load(d.pathUrl + '?' + p.toString(), true);
    });
    document.getElementById('export-png').addEventListener('click', () => {
      const a = document.createElement('a');
      a.href = cy.png({full: true, bg: '#ffffff', scale: 2});
      a.download = 'network.png';
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
    cy.on('tap', 'node', evt => {
      const n = evt.target;
      const sel = document.getElementById('selected');
      sel.replaceChildren();
      const link = document.createElement('a');
      link.href = d.entityUrl + n.id();
      link.textContent = n.data('label') + ' (' + n.id() + ')';
      sel.appendChild(link);
      sel.appendChild(document.createTextNode(' · ' + n.data('kind') + ' · degree ' + n.degree()
        + ' · betweenness ' + n.data('betweenness')));
      document.getElementById('start').value = n.id();
    });
    cy.on('dbltap', 'node', evt => expandFrom(evt.target.id(), true));

    if (d.chart) {
      load(d.subgraphUrl + '?chart=' + encodeURIComponent(d.chart), false);
    } else if (document.getElementById('start').value.trim()) {
      expandFrom(document.getElementById('start').value.trim(), false);
    }
  }

  document.addEventListener('DOMContentLoaded', start);
}());
