-- The grain of an index macro, checked: 'week', 'month', 'quarter' or 'year', else an error that names them (a
-- typo used to surface as date_trunc's "extract specifier not recognized"). index_sums and period_coverage truncate
-- dates with it, so tension_index checks its grain once, in one place.
create or replace macro index_grain(grain) as
    case when grain in ('week', 'month', 'quarter', 'year') then grain
         else error('tension_index: grain must be ''week'', ''month'', ''quarter'' or ''year'', not '''
                    || coalesce(grain, 'NULL') || '''') end;
