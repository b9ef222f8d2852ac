-- Running numbers of issued documents, per issuing agency and year (Decree 30: "Số: 05/BC-...").
create table document_number (
    issuer_code     varchar(64)  not null,
    issue_year      integer      not null,
    last_number     integer      not null,
    primary key (issuer_code, issue_year)
);
