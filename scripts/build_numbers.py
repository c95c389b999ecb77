import csv, re, unicodedata, datetime, sys, collections
D='/work/main/corpus/registry/'
FILES=[('binhduong_van-ban-chi-dao-dieu-hanh_2014-2022_first3000.csv',',','so_ky_hieu','ngay_ban_hanh'),
       ('tnt305_legal-library-pages_metadata_282.tsv','\t','Số hiệu','Ngày ban hành'),
       ('hrmaster_congbao-8-topics_index_418.tsv','\t','so_hieu_from_text',None)]
pairs=collections.OrderedDict(); skipped=[]; stats=collections.Counter(); notes=[]
for fn,delim,ncol,dcol in FILES:
    with open(D+fn,encoding='utf-8',newline='') as f:
        for i,rec in enumerate(csv.DictReader(f,delimiter=delim),start=1):
            stats[fn+' rows']+=1
            n=rec[ncol]; raw_d=rec[dcol] if dcol else ''
            ctx=rec.get('slug') or rec.get('file') or rec.get('trich_yeu','')[:60]
            if n.strip()!=n: notes.append(f'outer whitespace stripped: {fn} row {i} {n!r}'); n=n.strip()
            if not n:
                skipped.append((fn,i,n,'empty number',ctx)); continue
            if not re.search(r'\d',n) or not re.search(r'[A-Za-zĐđÐ]',n):
                skipped.append((fn,i,n,'no issuer/type code (bare number)',ctx)); continue
            if re.search(r'[-/.]$',n):
                skipped.append((fn,i,n,'truncated (ends with separator)',ctx)); continue
            d=''
            if raw_d:
                try: d=datetime.datetime.strptime(raw_d.strip(),'%d/%m/%Y').date().isoformat()
                except ValueError: notes.append(f'unparsed date kept as written: {fn} row {i} {raw_d!r}'); d=raw_d.strip()
            m=re.search(r'/((?:19|20)\d\d)/',n)
            if m and d and d[:4]!=m.group(1): notes.append(f'year in number != date year: {fn} row {i} {n} {d}')
            if unicodedata.normalize('NFC',n)!=n: notes.append(f'not NFC: {n!r}')
            pairs.setdefault((n,d),set()).add(fn)
with open(D+'numbers.tsv','w',encoding='utf-8',newline='') as f:
    w=csv.writer(f,delimiter='\t',lineterminator='\n')
    w.writerow(['number','date','file'])
    for (n,d),fs in sorted(pairs.items()):
        w.writerow([n,d,';'.join(sorted(fs))])
for k,v in stats.items(): print(k,v)
print('distinct (number,date):',len(pairs),' distinct numbers:',len({n for n,_ in pairs}))
c=collections.Counter(next(iter(fs)) if len(fs)==1 else 'multi' for fs in pairs.values()); print(c)
print('SKIPPED',len(skipped))
for s in skipped: print('  skip',s)
for x in notes: print('note',x)
