package vn.childguard.shared.documents;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** The Decree 30/2020 spelling of numbers, dates and numbered parts, shared by every format. */
final class DecreeText {

    private static final String[] ROMAN_SYMBOLS = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};
    private static final int[] ROMAN_VALUES = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};

    private DecreeText() {
    }

    /** "Số: 05/BC-CAT": numbers under 10 take a leading zero (Annex I, section I.3). */
    static String numberLine(int number, String codeSymbol) {
        return "Số: " + twoDigits(number) + "/" + codeSymbol;
    }

    /** "ngày 05 tháng 02 năm 2026": days under 10 and the months 1 and 2 take a leading zero. */
    static String date(LocalDate date) {
        int month = date.getMonthValue();
        // only January and February are padded: "tháng 1" could be misread as the start of "tháng 10"-"12"
        String monthText = month <= 2 ? twoDigits(month) : Integer.toString(month);
        return "ngày " + twoDigits(date.getDayOfMonth()) + " tháng " + monthText + " năm " + date.getYear();
    }

    static String placeAndDate(String place, LocalDate date) {
        return place + ", " + date(date);
    }

    static String twoDigits(int number) {
        return number < 10 ? "0" + number : Integer.toString(number);
    }

    static String roman(int number) {
        StringBuilder out = new StringBuilder();
        int rest = number;
        for (int i = 0; i < ROMAN_VALUES.length; i++) {
            while (rest >= ROMAN_VALUES[i]) {
                out.append(ROMAN_SYMBOLS[i]);
                rest -= ROMAN_VALUES[i];
            }
        }
        return out.toString();
    }

    /** "- Sở Tư pháp;" for every recipient, and "- Lưu: VT, PV05." for the last one. */
    static String recipientLine(List<String> recipients, int index) {
        return "- " + recipients.get(index) + (index == recipients.size() - 1 ? "." : ";");
    }

    /** "BÁO CÁO" becomes "Báo cáo" for the annex reference "(Kèm theo Báo cáo số ...)". */
    static String sentenceCase(String upperCaseName) {
        String lower = upperCaseName.toLowerCase(Locale.forLanguageTag("vi"));
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
