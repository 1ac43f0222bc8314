"""Reports computed from plain rows (no Flask, no services, no models): the monthly
accountability report of media partners (``monthly``) and its exports as a workbook
(``workbook``, openpyxl) and as a letter on the office letterhead (``letter``, python-docx)."""
