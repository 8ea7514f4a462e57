/// The site's only stylesheet, inlined into every page.
enum Stylesheet {
    static let css = """
        :root{--ink:#1b2330;--muted:#5b6675;--line:#d7dce3;--zebra:#f4f6f9;--bar:#14325c;--accent:#1f5fa8;\
        --danger:#a4161a;--danger-bg:#fdecec;--ok:#1d6b3a;--ok-bg:#e8f5ec;--note-bg:#eef4fb}
        *{box-sizing:border-box}
        body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;\
        color:var(--ink);background:#fff}
        a{color:var(--accent)}
        .topbar{display:flex;flex-wrap:wrap;align-items:center;gap:1rem;padding:.6rem 1.5rem;background:var(--bar);color:#fff}
        .topbar a{color:#fff;text-decoration:none}
        .brand{font-weight:700;letter-spacing:.04em;font-size:1.1rem}
        .main-nav ul{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;margin:0;padding:0}
        .main-nav a{display:block;padding:.3rem .7rem;border-radius:4px}
        .main-nav a:hover{background:rgba(255,255,255,.12)}
        .main-nav a[aria-current=page]{background:rgba(255,255,255,.22);font-weight:600}
        .account{margin-left:auto;display:flex;align-items:center;gap:.6rem;font-size:.9rem}
        .account .role{opacity:.8}
        .container{max-width:1360px;margin:0 auto;padding:1.25rem 1.5rem}
        .footer{color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
        h1{font-size:1.6rem;margin:.2rem 0 1rem}
        h2{font-size:1.2rem;margin:1.6rem 0 .6rem}
        .muted,.empty{color:var(--muted)}
        .table-wrap{overflow-x:auto}
        td.explanation{min-width:26rem;font-size:.9rem}
        table.data{border-collapse:collapse;width:100%;font-size:.92rem}
        table.data caption{text-align:left;font-weight:600;padding:.3rem 0}
        table.data th,table.data td{padding:.4rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        table.data thead th{background:#e9edf2;border-bottom:2px solid var(--line)}
        table.data tbody tr:nth-child(even){background:var(--zebra)}
        .num,table.data .num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .date{white-space:nowrap}
        .skip-link{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
        .skip-link:focus{left:.5rem}
        details summary{cursor:pointer;color:#1d4f91}
        .withheld{font-style:italic}
        .form{max-width:34rem;margin:0 0 1.5rem}
        .form.wide{max-width:none}
        form.inline{display:inline;margin:0}
        .field{margin:0 0 .9rem}
        .field label{display:block;font-weight:600;margin-bottom:.25rem}
        .field.checkbox{display:flex;gap:.5rem;align-items:center}
        .field.checkbox label{display:inline;margin:0}
        input[type=text],input[type=email],input[type=password],input[type=number],input[type=month],select{\
        width:100%;padding:.45rem .55rem;border:1px solid #aab3bf;border-radius:4px;font:inherit}
        .hint{margin:.35rem 0 0;padding-left:1.2rem;color:var(--muted);font-size:.88rem}
        .button,button{display:inline-block;padding:.45rem 1rem;border:1px solid var(--bar);border-radius:4px;\
        background:var(--bar);color:#fff;font:inherit;cursor:pointer;text-decoration:none}
        .button.secondary{background:#fff;color:var(--bar)}
        .button.danger{background:var(--danger);border-color:var(--danger)}
        .link-button{background:none;border:none;padding:0;color:inherit;text-decoration:underline;cursor:pointer}
        .actions{display:flex;flex-wrap:wrap;gap:.8rem;align-items:center;margin:.8rem 0}
        .field-error{color:var(--danger);margin:.2rem 0 0;font-size:.92rem}
        .field.invalid input{border-color:var(--danger)}
        .errors{color:var(--danger);background:var(--danger-bg);border:1px solid var(--danger);border-radius:4px;\
        padding:.6rem .8rem .6rem 2rem;margin:0 0 1rem}
        .notice{background:var(--note-bg);border-left:4px solid var(--accent);padding:.6rem .8rem;margin:0 0 1rem}
        .notice.success{background:var(--ok-bg);border-left-color:var(--ok)}
        .notice.warning{background:#fff6e0;border-left-color:#b7791f}
        .cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));gap:.8rem;margin:0 0 1.2rem}
        .card{border:1px solid var(--line);border-radius:6px;padding:.7rem .9rem;background:var(--zebra)}
        .card-value{display:block;font-size:1.5rem;font-weight:700;font-variant-numeric:tabular-nums}
        .card-label{display:block;color:var(--muted);font-size:.85rem}
        .chart{margin:.6rem 0 1.2rem;overflow-x:auto}
        .chart svg{max-width:100%;height:auto}
        .progress{display:flex;align-items:center;gap:.6rem}
        progress{width:12rem;height:.9rem;accent-color:var(--accent)}
        .progress-label{color:var(--muted);font-size:.88rem}
        .status{display:inline-block;padding:.05rem .45rem;border-radius:3px;background:#e9edf2;font-size:.85rem}
        .status-failed{background:var(--danger-bg);color:var(--danger)}
        .status-succeeded{background:var(--ok-bg);color:var(--ok)}
        .pagination{display:flex;gap:1rem;align-items:center;margin:1rem 0}
        dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0 0 1rem}
        dl.summary dt{font-weight:600}
        dl.summary dd{margin:0}
        code.secret{display:block;padding:.6rem;background:var(--zebra);border:1px solid var(--line);word-break:break-all}
        ul.changes{margin:0;padding-left:1.1rem}
        table.data td form{display:flex;flex-wrap:wrap;gap:.4rem;align-items:end}
        table.data td form .field{margin:0}
        table.data tfoot th,table.data tfoot td{font-weight:700;border-top:2px solid var(--line)}
        table.data th a.sort{color:inherit;text-decoration:none}
        table.data th a.sort:hover{text-decoration:underline}
        .table-tools form.filters{display:flex;flex-wrap:wrap;gap:.6rem;align-items:end;margin:0 0 .4rem}
        .table-tools form.filters .field{margin:0;min-width:9rem}
        .table-tools form.filters .filter-actions{display:flex;gap:.5rem}
        .table-count{color:var(--muted);margin:.2rem 0 .6rem}
        .pagination .current{font-weight:700;padding:0 .3rem;border-bottom:2px solid var(--accent)}
        .marking{font-weight:700;text-transform:uppercase;letter-spacing:.06em;font-size:.8rem;color:var(--danger);\
        text-align:center;margin:.2rem 0 .8rem}
        .visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
        fieldset{border:1px solid var(--line);border-radius:6px;margin:0 0 1rem;padding:.6rem .9rem;max-width:40rem}
        legend{font-weight:600;padding:0 .3rem}
        table.steps .field{margin:0}
        input[type=search]{width:100%;padding:.45rem .55rem;border:1px solid #aab3bf;border-radius:4px;font:inherit}
        @media print{.topbar,.skip-link,.table-tools form,.pagination,.actions,form,.footer{display:none}\
        body{font-size:10pt}.container{max-width:none;padding:0}.table-wrap{overflow:visible}\
        table.data{font-size:8.5pt}table.data thead{display:table-header-group}tr{break-inside:avoid}\
        a{color:inherit;text-decoration:none}.chart{break-inside:avoid}}
        """
}
