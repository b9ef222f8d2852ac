package vn.childguard.shared.documents;

import java.time.LocalDate;
import java.util.List;
import vn.childguard.shared.documents.OfficialDocument.Annex;
import vn.childguard.shared.documents.OfficialDocument.Issuer;
import vn.childguard.shared.documents.OfficialDocument.Item;
import vn.childguard.shared.documents.OfficialDocument.Section;
import vn.childguard.shared.documents.OfficialDocument.Signature;
import vn.childguard.shared.documents.OfficialDocument.Table;

/** A half-year progress report on Plan 113/KH-UBND as the provincial police would send it. */
final class SampleDocuments {

    static final String PUSH_HARDER = "Đẩy mạnh công tác tiếp nhận, phát hiện, đấu tranh triệt phá các đường dây mua bán người, "
            + "nhất là mua bán trẻ em ra nước ngoài qua các cửa khẩu trên tuyến biên giới Tây Ninh - Campuchia.";

    private SampleDocuments() {
    }

    static OfficialDocument halfYearReport() {
        return new OfficialDocument(
                new Issuer("UBND TỈNH TÂY NINH", "CÔNG AN TỈNH"),
                5,
                "BC-CAT",
                "Tây Ninh",
                LocalDate.of(2026, 2, 5),
                "BÁO CÁO",
                List.of("Kết quả thực hiện Kế hoạch 113/KH-UBND 6 tháng cuối năm 2025",
                        "về phòng, chống mua bán người và bảo vệ trẻ em"),
                List.of(
                        new Section("KẾT QUẢ THỰC HIỆN",
                                List.of("Thực hiện Kế hoạch số 113/KH-UBND ngày 15 tháng 3 năm 2025 của Ủy ban nhân dân tỉnh "
                                        + "về phòng, chống mua bán người giai đoạn 2025 - 2030, Công an tỉnh báo cáo kết quả "
                                        + "6 tháng cuối năm 2025 như sau:"),
                                List.of(
                                        Item.of("Công tác tuyên truyền, phòng ngừa",
                                                "Phối hợp với Sở Giáo dục và Đào tạo tổ chức 42 buổi tuyên truyền tại các trường "
                                                        + "trung học cơ sở vùng biên giới, thu hút 6.318 lượt học sinh tham dự; "
                                                        + "phát hành 12.000 tờ rơi song ngữ Việt - Khmer."),
                                        Item.of("Công tác phát hiện, điều tra, xử lý", PUSH_HARDER,
                                                "Đã tiếp nhận 27 nguồn tin, xác minh làm rõ 19 vụ; khởi tố 6 vụ, 14 bị can; "
                                                        + "giải cứu, tiếp nhận 31 nạn nhân, trong đó có 9 trẻ em.")),
                                List.of(new Table(List.of("Chỉ tiêu", "6 tháng đầu năm", "6 tháng cuối năm", "Tăng, giảm"),
                                        List.of(List.of("Số vụ khởi tố", "4", "6", "+2"),
                                                List.of("Số nạn nhân được giải cứu", "22", "31", "+9"))))),
                        new Section("TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN",
                                List.of("Việc trao đổi thông tin giữa các lực lượng chức năng có lúc chưa kịp thời; "
                                        + "một số đối tượng lợi dụng mạng xã hội để dụ dỗ, lôi kéo trẻ em đi làm việc "
                                        + "“lương cao” ở nước ngoài, gây khó khăn cho công tác phát hiện."),
                                List.of(), List.of()),
                        Section.of("PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2026",
                                "Tiếp tục tham mưu Ủy ban nhân dân tỉnh chỉ đạo các sở, ngành, địa phương thực hiện "
                                        + "đồng bộ các giải pháp của Kế hoạch 113/KH-UBND; tăng cường kiểm tra, giám sát "
                                        + "tại các khu vực trọng điểm.")),
                new Annex("TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ CỦA KẾ HOẠCH 113/KH-UBND",
                        new Table(List.of("STT", "Nhiệm vụ", "Đơn vị chủ trì", "Tiến độ (%)", "Ghi chú"),
                                List.of(List.of("1", "Tuyên truyền tại trường học vùng biên giới", "Sở Giáo dục và Đào tạo", "100", "Hoàn thành"),
                                        List.of("2", "Rà soát trẻ em có nguy cơ bị mua bán", "Sở Y tế", "75", "Đang thực hiện"),
                                        List.of("3", "Đấu tranh triệt phá đường dây mua bán người", "Công an tỉnh", "60", "Đang thực hiện"),
                                        List.of("4", "Kiểm soát xuất nhập cảnh tại cửa khẩu Mộc Bài", "Bộ đội Biên phòng tỉnh", "80", "")))),
                new Signature("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đại tá Nguyễn Văn Đức"),
                List.of("UBND tỉnh (để báo cáo)", "Sở Lao động - Thương binh và Xã hội", "Sở Y tế", "Lưu: VT, PV05"));
    }
}
