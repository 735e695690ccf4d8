#!/usr/bin/env python3
"""Rebuild the pecheck sample corpus (samples/*.docx, *.pdf, *.expected.json, README.md).

    python samples/build.py            # everything
    python samples/build.py --no-pdf   # DOCX + answer keys only (no LibreOffice / Chromium)
    python samples/build.py --only xiangxi-2022

Every document is first described as a list of blocks (paragraphs, page breaks and tables
with row/column spans).  The same blocks are written as DOCX with python-docx (then rendered
to PDF with LibreOffice headless) and, for the "-chrome" sample, as HTML printed to PDF with
headless Chromium.  Synthetic reports are described as data (``REPORTS``); a clean report is
derived from its data with exact Decimal arithmetic, and each faulty variant applies a few
explicit mutation functions to the derived model; each mutation returns its answer-key item,
so the keys are exact by construction.

Fonts: ``samples/fonts.conf`` (passed as FONTCONFIG_FILE) maps 宋体/仿宋_GB2312/黑体/楷体 …
onto Noto Serif/Sans CJK SC.  No East-Asian language tag zh-CN is written into the DOCX
(LibreOffice 7.4 drops a line-final "，" in justified zh-CN paragraphs).
Output files are normalised (fixed zip timestamps, fixed PDF dates/IDs) so that a rebuild
with the same tool versions gives byte-identical files.
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kit.blocks import C, Cell, PageBreak, Para, Style, Table, place  # noqa: E402,F401
from kit.docx_writer import write_docx  # noqa: E402,F401
from kit.html_writer import write_html  # noqa: E402,F401
from kit.render import chromium_to_pdf, pdf_pages, soffice_to_pdf  # noqa: E402,F401

HERE = Path(__file__).resolve().parent
# ----------------------------------------------------------------------------------------------

SEED_COVER = [
    "智慧湘西领导小组办公室",
    "2022年度州智慧湘西建设专项",
    "支出绩效自评报告",
    "项目名称 州智慧湘西建设专项",
    "支出功能科目编码 2299999",
    "项目实施单位 智慧湘西领导小组办公室",
    "主管部门 湘西自治州人民政府办公室",
    "评价方式: 部门绩效自评",
    "评价机构: 部门绩效自评工作小组",
    "单位名称（盖章）：智慧湘西领导小组办公室",
    "报告时间： 2023 年 6 月",
]
SEED_SUMMARY = {
    "jbgk": [
        "为加快建设网络强国、数字中国、智慧社会，全面实施国家大数据战略，贯彻落实国家、省大数据发展战略，湘西州全力推进智慧湘西建设，根据《智慧湘西建设三年行动计划（2019-2021 年）》（州政发〔2019〕13 号）、《智慧湘西领导小组办公室关于印发〈湘西自治州政务信息化项目建设后评估方案〉的通知》（州智慧办发〔2021〕8 号）以及湘西土家族苗族自治州智慧湘西建设“十四五”专项规划（2020-2025 年）等文件精神，湘西州积极对接国家实施“数字中国”和“互联网+”战略部署，认真贯彻落实习近平总书记关于大数据发展战略的重要论述，把智慧湘西建设作为全州脱贫攻坚、创新引领、开放崛起和后发赶超的重要抓手。",
        "为保证智慧湘西建设项目有效实施，扎实推进数字政府、数字社会建设，大力发展数字经济，近年来，州本级财政每年均安排州智慧湘西建设专项资金，专门用于智慧湘西项目建设。2022 年度州本级财政预算安排州智慧湘西建设专项资金 1800 万元，用于：2022 年智慧湘西宣传与推广使用（含智慧湘西 app、协同办公等）80 万元；2022 年政务信息化项目建设后评估费（随机抽查）30 万元；湘西州数据共享服务平台、协同办公系统等优化升级项目 200 万元；2022 年数据共享服务、数据通微服务等平台运维费 230 万元；基础电信服务费 200 万元；智慧湘西“十四五”专项规划重点项目前期工作经费 210 万元；2022 年州政务云平台租赁、安保电费等运维费用 850 万元。项目子项目共 7 个。",
    ],
    "mb": [
        "总目标：坚持以习近平新时代中国特色社会主义思想为指导，践行创新、协调、绿色、开放、共享的发展理念，把湘西州建成基础设施集约开放、公共服务普惠便捷、城市治理精准高效、生态文旅绿色繁荣、智慧产业活力无限的新型智慧城市，同时通过建设智慧湘西，提高信息化利用率，节约大量人力、物力、财力，减少政府公共服务成本。推动城市建设，提升城市品位，提升 政府部门办事效率和服务水平；持续提升惠民便民利民服务水平，提升市民生活质量，让市民更具幸福感；",
        "年度目标：动态管理更新州直部门政务信息系统和数据共享资源底数，加快系统清理整合；进一步巩固州政务云、州数据共享服务平台等智慧湘西公共技术平台建设成果；围绕政务服务、政府治理、决策运行，督促推进智慧旅游、智慧医疗、智慧政务等应用建设，加大智慧湘西 APP 推广应用力度；做好“十四五”规划前期智慧湘西建设项目前期工作，为数字经济发展夯实基础。",
    ],
    "wc": [
        "2022 年度州智慧湘西建设专项资金七个子项目均已顺利实施完成。新建项目已验收合格，运维项目保证了基础设施系统和设备的正常、稳定运行。“十四五”重大项目前期工作经费项目已完成相关文件的编制工作。"
    ],
    "zj": [
        "2022 年度州本级财政安排州智慧湘西建设专项资金 1800 万元，该项目资金州财政局以州财行集字（2022）0144 号指标文件下达 1113 万元、州财行集字（2022）0148 号指标文件下达 687 万元，资金到位率 100%；截至 2022 年 12 月 31 日，州智慧湘西建设专项共支出资金 1160.49 万元，结转结余 639.51 万元，预算执行率为 64.47%。"
    ],
    "sx": [
        "一是强化云网络安全，做到上云虚拟机病毒检测能力 100%覆盖，完成政务云平台和网络等保测评工作，开展网络安全培训 22 次，技术交流 10 次，开展机房巡查 1000 余次，形成政务云运营情况及安全态势监测周报 52 期，发送漏扫报告 1320 份，发布安全问题通报 102 次，获评湘西州网络安全应急演练期“优秀防守单位”；",
        "二是推进数据共享服务平台等公共技术平台持续优化和深入调用，目前，完成 48 个单位的数据资源共享工作，汇聚了 8000 余万条数据，856 个政务资源，1689 个信息资源，持续建成了“3+9”资源库，数据共享“超市”发布 1100 多个数据资源服务，有效服务支撑 58 个部门和 53 个系统，调用数据次数达 1200 多万/次，为州行政审批局、州文旅广电局、州公安局等部门业务系统持续提供数据资源调用支撑服务，不断健全平台调用和运维管理机制，提高调用积极性；",
        "三是全州建成数据中心及机房 55 个，机架 1225 个，存储能力共计 30 余 PB，累计为 31 个州直部门的应用系统提供 800 余台虚拟服务器资源；三大运营商建成 4 个 IDC 机房，持续为州域相关企业提供公有云服务，丰富算力基础设施资；",
        "四是积极调度三大运营商工作。完成 5G 物理站点建设 822 个，接入光缆 11.98 万纤芯公里，建设端口 8.63 万个，新增 140 个自然村光纤覆盖，完成 3499 户老旧小区光网改造，3 万多户新建住宅小区 FTTH 标准化实现覆盖，完成物联网投资 4950 万元；完成湘西智能电网建设投资 18.8 亿元，建成 4 座电力变电站箱式数据中心，并具备投运条件；",
        "五是数据共享应用实现高效化，根据数据共享整合实际需求，为全州 331 个单位和智慧财税、智慧平安、智慧旅游、智慧金融等 50 多个涉及社会民生的智慧应用提供数据共享服务，助推放管服改革，为互联网+政务服务一体化平台提供数据共享接口，湘西州数据共享服务平台与湖南省数据共享交换平台实现互联互通，实现省政务服务平台 20983 条数据目录、5626 多万条实体数据的回传和分级分类管理；",
        "六是坚持“民有所呼、数有所应”指导思想，服务社会生活，“智慧湘西 APP”提供政务服务事项 1108 项、便民服务事项 80 项、生活缴费服务 42 项，涵盖了政务服务、便民服务、利企服务、新闻资讯等，注册人数近 30 万，目前正在与“湘易办”湘西旗舰店对接工作。同时，智慧政务、智慧交通等重点应用建设持续推进，州政府数据开放平台和湘西快贷特色应用场景建成使用，充实智慧湘西建设内容；",
        "七是对全州 40 家政府网站和 117 家政务新媒体进行常态化全覆盖检查，内容保障到位，整体情况较好，在湖南省政务管理服务局前三季度季度检查情况的通报中，湘西州政府网站和政务新媒体全三季度合格率 100%。",
        "八是开展全州政务新媒体平台建设，集合了微信公众号、微博、今日头条、抖音等新媒体的统一采编管理、发布管理、渠道管理、监控管理、统计管理等功能，实现了全州所有政务新媒体信息统一采编、渠道统一管理、内容统一监测；开通“湘西政务”微信公众号，共发布信息 45 条。",
    ],
    "jj": [
        "通过不断完善智慧湘西公共技术基础设施，提升政务云资源服务能力，强化数据安全保障，扎实推进数字政府、数字社会建设，大力发展数字经济，在助力“放管服”改革，赋能全州高质量发展取得了显著成效。提高了信息化利用率及工作效率，节约了大量人力、物力、财力，减少政府公共服务成本，降低了行政成本。"
    ],
    "sh": [
        "智慧湘西推动了湘西州城市建设，提升了城市品位，提升了政府部门办事效率和服务水平；持续提升惠民便民利民服务水平，提升了市民生活质量，让市民更具幸福感。"
    ],
    "zz": [
        "州人民政府授权州智慧办、州大数据中心负责智慧湘西建设项目核准职能。在项目技术前置审查、项目实施过程监管以及竣工验收上，严格按照《湘西自治州州级财政专项资金管理办法》等办法执行，加强对项目全过程的统筹协调，按照“统一领导、统一规划、统一标准、统一平台”的要求，坚持“统筹规划、业务协同、安全可靠”的原则统筹规划、建设和日常监督管理，做到制度建立健全，职责分工明确，责任到人，并强化实施、加强监管，各项目制度得到较有效执行。"
    ],
    "cw": [
        "湘西州人民政府办公室出台了相关专项资金管理办法，从资金分配与拨付、项目申报与审批、资金监管等方面对专项资金管理工作予以明确，严禁截留、挪用和其他不合规支出，从制度层面保障了专项资金专款专用并达到预期目标。",
        "项目单位严格按照相关资金文件规定管理和使用专项资金，完善了专项资金管理流程，做到专人负责、专款专用，合理使用；资金使用符合国家财经法规和项目实施单位财务管理制度及有关专项资金管理办法的规定。项目支出按规定履行审批手续，财务严格把关，确保了资金拨付有完整的审核、审批程序和手续，支出符合项目预算批复规定的用途，无截留、挤占、挪用、虚列支出等情况。",
    ],
    "jy": [
        "(一) 主要经验做法",
        "该项目成立项目领导小组，协调解决规划发展和重大项目建设等有关问题。明确专人负责实施，并严格执行项目法人、招标投标、政府采购、工程监理、合同管理等制度。在落实项目责任制上，业务科室为项目实施责任单位，跟踪预算和项目执行情况，对进展项目较慢的能及时协调和提出整改措施，合理调整、纠正预算执行偏差，确保项目实施工作正常运行。同时注重项目产出及效率，力求达到优化资源配置、合理控制成本、提高公共产品质量和公共服务水平的目的。",
        "(二) 存在的问题及原因",
        "项目预算执行率较低。截止 2022 年 12 月 31 日，1800 万元项目共支出 1160.49 万元，结转结余 639.51 万元，预算执行率为 64.47%。主要原因为部分项目已完工但尚未办理竣工验收及结算审计，项目款未进行支付。",
    ],
    "jl": [
        "评分：96.5 等级：优",
        "备注：90（含）—100分为优；80（含）—90分为良；60（含）—80分为较差；60分以下为差。",
    ],
    "jyi": ["加快项目验收进度，及时办理竣工验收及结算审计，及时完成报账并支付项目资金。"],
    "sig": [
        "评价组组长（签字）： 年 月 日",
        "项目实施单位负责人（签字）： 年 月 日",
        "项目实施单位名称（盖章）： 年 月 日",
        "主管部门负责人（签字）： 年 月 日",
        "主管部门（盖章）： 年 月 日",
    ],
    "cz": [
        "财政部门归口业务科室意见：",
        "财政部门归口业务科室负责人（签字）：财政部门归口业务科室（盖章）：",
        "年 月 日",
    ],
}
SEED_BODY = """\
T 智慧湘西领导小组办公室
T 2022 年度州智慧湘西建设专项
T 支出绩效自评报告
P 为进一步强化财政“大绩效”管理理念，提高部门预算绩效责任意识，规范财政资金管理，确保“绩效管理提升年”行动顺利开展，根据《湖南省财政厅关于印发〈湖南省预算支出绩效评价管理办法〉的通知》（湘财绩〔2020〕7号）、《湘西自治州州级预算部门项目支出绩效自评操作规程》（州财绩〔2021〕7号）及《湘西自治州财政局关于开展2022年度州直预算部门（单位）项目支出绩效自评工作的通知》（州财绩〔2023〕4号）等文件精神，智慧湘西领导小组办公室对本单位项目支出进行了绩效自评。本次评价遵循了“科学规范、公正公开、分类管理、绩效相关”原则，运用较科学、合理的绩效评价指标、评价标准和评价方法，对本部门2022年度部门项目支出的绩效情况进行了客观、公正的评价。现将情况汇报如下：
H1 一、项目概况
H2 （一）项目实施单位基本情况
P 智慧湘西领导小组办公室是根据2017年11月29日《湘西自治州人民政府关于印发〈智慧湘西建设发展规划（2017-2020年）〉的通知》（州政发【2017】23号）文件成立的，根据文件组建了“互联网+湘西”暨“智慧湘西”领导小组，由州长任组长，常务副州长为第一副组长，州政府相关领导为副组长、州直相关部门和电信运营商等主要领导为小组成员。智慧湘西领导小组办公室（以下简称州智慧办)设在州政府办,负责开展智慧湘西建设工作的具体协调机构,是重大项目建设的审批与管理部門、指挥机构,会同州財政局、统一归口管理智慧湘西专项资金。主要职责是研究制定智慧湘西工作计划、起草相关政策、负责项目建设前的方案审批、项目建设中的指导监督、项目竣工后的登记管理,并组织年度绩效考评。根据《关于湘西土家族苗族自治州机构改革涉改处级事业单位调整的批复》(湘编办复字【2019】2号文件,设立了湘西自治州大数据中心,主要职责为负责全州政务网络以及技术平台建设、管理和运行维护、统筹协调电子政务基础设施规划与建设;负责电子政务网络和技术平台的安全管理,指导和监督政务信息化应用安全建设;负责指导、推进、协调与督查全州智慧应用建设,以及政府网站规划设计、建设维护和日常管理等工作。大数据中心与州智慧办执行两块牌子一套人马管理。
H2 (二)项目资金基本情况
P 为保证智慧湘西建设项目有效实施,扎实推进数字政府、数字社会建设,大力发展数字经济,近年来,州本级财政每年均安排州智慧湘西建设专项资金,专门用于智慧湘西项目建设。2022年度州本级财政预算安排州智慧湘西建设专项资金1800万元,用于:2022年智慧湘西宣传与推广使用(含智慧湘西app、协同办公等)80万元;2022年政务信息化项目建设后评估费(随机抽查)30万元;湘西州数据共享服务平台、协同办公系统等优化升级项目200万元;2022年数据共享服务、数据通微服务等平台运维费230万元;基础电信服务费200万元;智慧湘西“十四五”专项规划重点项目前期工作经费210万元;2022年州政务云平台租赁、安保电费等运维费用850万元。项目子项目共7个。
H2 （三）项目资金绩效目标
P 总目标：坚持以习近平新时代中国特色社会主义思想为指导，践行创新、协调、绿色、开放、共享的发展理念，把湘西州建成基础设施集约开放、公共服务普惠便捷、城市治理精准高效、生态文旅绿色繁荣、智慧产业活力无限的新型智慧城市，同时通过建设智慧湘西，提高信息化利用率，节约大量人力、物力、财力，减少政府公共服务成本。推动城市建设，提升城市品位，提升政府部门办事效率和服务水平；持续提升惠民便民利民服务水平，提升市民生活质量，让市民更具幸福感；
P 年度目标：动态管理更新州直部门政务信息系统和数据共享资源底数，加快系统清理整合；进一步巩固州政务云、州数据共享服务平台、数据通、国地通等智慧湘西公共技术平台建设成果；用好州数据共享服务平台、州数据通微服务平台、数据调度支撑平台；围绕政务服务、政府治理、决策运行，督促推进智慧旅游、智慧医疗、智慧政务等应用建设，加大智慧湘西 APP 推广应用力度；做好“十四五”规划前期智慧湘西建设项目期工作，为数字经济发展夯实基础。
H1 二、项目资金使用及管理情况
H2 （一）项目资金安排落实、总投入等情况
P 2022 年度州本级财政安排州智慧湘西建设专项资金 1800 万元，该项目资金州财政局以州财行集字（2022）0144 号指标文件下达 1113 万元、州财行集字（2022）0148 号指标文件下达 687 万元，资金到位率 100%。
H2 （二）项目资金实际使用情况
P 截至 2022 年 12 月 31 日，州智慧湘西建设专项共支出资金1160.49 万元，结转结余 639.51 万元，预算执行率为 64.47%。各子项目资金到位及使用情况如下：
C 专项资金到位及使用情况表
U 单位：万元
| 子项目名称	州财政预算安排项目资金	实际到位资金	实际支出金额	项目结转结余金额	预算执行率
| 2022 年智慧湘西宣传与推广使用(含智慧湘西 app、协同办公等)	80	80	17.6	62.4	22.00%
| 2022 年政务信息化项目建设后评估费(随机抽查)	30	30	0	30	0.00%
| 湘西州数据共享服务平台、协同办公系统等优化升级项目	200	200	95.75	104.25	47.88%
| 2022 年数据共享服务、数据通微服务等平台运维费	230	230	85.82	144.18	37.31%
| 基础电信服务费	200	200	188.19	11.81	94.10%
| 智慧湘西“十四五”专项规划重点项目前期工作经费	210	210	120.1	89.9	57.19%
| 2022 年州政务云平台租赁、安保电费 etc 运维费用	850	850	653.03	196.97	76.83%
| 合计	1800	1800	1160.49	639.51	64.47%
H2 (三) 项目资金管理情况
P 湘西州人民政府办公室出台了相关专项资金管理办法，从资金分配与拨付、项目申报与审批、资金监管等方面对专项资金管理工作予以明确，严禁截留、挪用和其他不合规支出，从制度层面保障了专项资金专款专用并达到预期目标。
P 项目单位严格按照相关资金文件规定管理和使用专项资金，完善了专项资金管理流程，做到专人负责、专款专用，合理使用；资金使用符合国家财经法规和项目实施单位财务管理制度及有关专项资金管理办法的规定。项目支出按规定履行审批手续，财务严格把关，确保了资金拨付有完整的审核、审批程序和手续，支出符合项目预算批复规定的用途，无截留、挤占、挪用、虚列支出等情况。
H1 三、项目组织实施情况
H2 （一）项目组织情况
P 智慧湘西项目专门成立了智慧湘西建设领导小组，县市长（区管委员会主任）任组长。强化全州各级各部门“一把手”智慧湘西负责制，落实信息化专干制度，创新实施“三员”制度。州智慧办在各项目实施过程中，明确专人负责实施，并严格执行项目法人、招标投标、政府采购、工程监理、合同管理等制度。2022年度州智慧湘西建设专项资金七个子项目均已顺利实施完成。新建项目已验收合格，运维项目保证了基础设施系统和设备的正常、稳定运行。“十四五”重大项目前期工作经费项目已完成相关文件的编制工作。
H2 （二）项目管理情况
P 州人民政府授权州智慧办、州大数据中心负责智慧湘西建设项目核准职能。在项目前置审查、项目实施过程监管以及竣工验收上，严格按照《湘西自治州州级财政专项资金管理办法》等办法执行，加强对项目全过程的统筹协调，按照“统一领导、统一规划、统一标准、统一平台”的要求，坚持“统筹规划、业务协同、安全可靠”的原则统筹规划、建设和日常监督管理，做到制度建立健全，职责分工明确，责任到人，并强化实施、加强监管，各项目制度得到较有效执行。
H1 四、项目支出绩效情况
H2 （一）项目支出决策情况
P 项目按照规定的程序申请设立，审批文件、材料符合相关要求，事前经过必要的可行性研究、专家论证、风险评估、绩效评估、集体决策，项目立项依据充分、程序规范。项目的申请及审批的资料符合相关要求，预算资金分配依据充分，资金分配额度较合理。项目设置有绩效目标，绩效目标与实际工作内容相关，项目预期产出和效益符合项目正常情况，项目绩效目标与预算确定的投资额相匹配。项目资金预算编制较科学，资金分配较合理，符合本专项资金使用范围。
H2 （二）项目支出过程情况
P 2022年度州本级财政安排州智慧湘西建设专项资金1800万元，该项目资金州财政局以州财行集字（2022）0144号指标文件下达1113万元、州财行集字（2022）0148号指标文件下达687万元，资金到位率100%；截至2022年12月31日，州智慧湘西建设专项共支出资金1160.49万元，结转结余639.51万元，预算执行率为64.47%。
P 项目严格按照专项资金管理制度进行安排和使用，项目支出按规定履行审批手续，财务严格把关，确保了资金拨付有完整的审核、审批程序和手续，支出符合项目预算批复规定的用途，无截留、挤占、挪用、虚列支出等情况。同时项目主管部门及项目实施单位建立健全了专项资金管理制度，完善了专项资金管理流程，建立健全了工程项目管理制度，并严格按工程、专项资金管理制度执行，做到项目专人负责，责任到人、监管到位，对专项资金严格管理，加强监督，专项资金严格按计划和工程实施进度合理使用。
H2 （三）项目支出产出情况
P 2022年，全州上下严格按照州委州政府决策部署，积极抢抓国家大数据战略布局重大机遇，全力推进数字政府、数字经济和算力支撑建设，取得了较为显著的成绩。
P 一是强化云网络安全，做到上云虚拟机病毒检测能力 100%覆盖，完成政务云平台和网络等保测评工作，开展网络安全培训 22 次，技术交流 10 次，开展机房巡查 1000 余次，形成政务云运营情况及安全态势监测周报 52 期，发送漏扫报告 1320 份，发布安全问题通报 102 次，获评湘西州网络安全应急演练期“优秀防守单位”；
P 二是推进数据共享服务平台等公共技术平台持续优化和深入调用，目前，完成 48 个单位的数据资源共享工作，汇聚了 8000 余万条数据，856 个政务资源，1689 个信息资源，持续建成了“3+9”资源库，数据共享“超市”发布 1100 多个数据资源服务，有效服务支撑 58 个部门和 53 个系统，调用数据次数达 1200 多万/次，为州行政审批局、州文旅广电局、州公安局等部门业务系统持续提供数据资源调用支撑服务，不断健全平台调用和运维管理机制，提高调用积极性；
P 三是全州建成数据中心及机房 55 个，机架 1225 个，存储能力共计 30 余 PB，累计为 31 个州直部门的应用系统提供 800 余台虚拟服务器资源；三大运营商建成 4 个 IDC 机房，持续为州域相关企业提供公有云服务，丰富算力基础设施资；
P 四是积极调度三大运营商工作，完成 5G 物理站点建设 822 个，接入光缆 11.98 万纤芯公里，建设端口 8.63 万个，新增 140 个自然村光纤覆盖，完成 3499 户老旧小区光网改造，3 万多户新建住宅小区 FTTH 标准化实现覆盖，完成物联网投资 4950 万元；完成湘西智能电网建设投资 18.8 亿元，建成 4 座电力变电站箱式数据中心，并具备投运条件；
P 五是数据共享应用实现高效化，根据数据共享整合实际需求，为全州 331 个单位和智慧财税、智慧平安、智慧旅游、智慧金融等50 多个涉及社会民生的智慧应用提供数据共享服务，助推放管服改革，为互联网+政务服务一体化平台提供数据共享接口，湘西州数据共享服务平台与湖南省数据共享交换平台实现互联互通，实现省政务服务平台 20983 条数据目录、5626 多万条实体数据的回传和分级分类管理；
P 六是坚持“民有所呼、数有所应”指导思想，服务社会生活，“智慧湘西 APP”提供政务服务事项 1108 项、便民服务事项 80 项、生活缴费服务 42 项，涵盖了政务服务、便民服务、利企服务、新闻资讯等，注册人数近 30 万，目前正在与“湘易办”湘西旗舰店对接工作。同时，智慧政务、智慧交通等重点应用建设持续推进，州政府数据开放平台和湘西快贷特色应用场景建成使用，充实智慧湘西建设内容；
P 七是对全州 40 家政府网站和 117 家政务新媒体进行常态化全覆盖检查，内容保障到位，整体情况较好，在湖南省政务管理服务局前三季度季度检查情况的通报中，湘西州政府网站和政务新媒体前三季度合格率 100%；
P 八是开展全州政务新媒体平台建设，集合了微信公众号、微博、今日头条、抖音等新媒体的统一采编管理、发布管理、渠道管理、监控管理、统计管理等功能，实现了全州所有政务新媒体信息统一采编、渠道统一管理、内容统一监测；开通“湘西政务”微信公众号，共发布信息 45 条。
H2 （四）项目支出效益情况
P 经济效益：通过不断完善智慧湘西公共技术基础设施，提升政务云资源服务能力，强化数据安全保障，扎实推进数字政府、数字社会建设，大力发展数字经济，在助力“放管服”改革，赋能全州高质量发展取得了显著成效。提高了信息化利用率及工作效率，节约了大量人力、物力、财力，减少政府公共服务成本，降低了行政成本。
P 社会效益：智慧湘西推动了湘西州城市建设，提升了城市品位，提升了政府部门办事效率和服务水平；持续提升惠民便民利民服务水平，提升了市民生活质量，让市民更具幸福感。
P 可持续影响：持续推动政府数字化、智能化运行，全面提升了政务服务、政府治理、政府决策能力。
H1 五、综合评价情况及评价结论
P 本部门成立了绩效自评工作小组，负责本部门 2022 年度州智慧湘西建设专项支出绩效自评工作的组织领导和具体实施，明确了工作职责和分工，制定了切实可行的评价方案。根据相关资料、评价指标、评价标准和评价方法进行评分，形成自评结论。本部门 2022 年度严格执行项目预算，资金使用管理规范，政策制度落实到位，绩效目标圆满完成，评分为 96.5 分，等级为“优”。
H1 六、主要经验做法及存在的问题及原因
H2 （一）主要经验做法
P 该项目成立项目领导小组，协调解决规划发展和重大项目建设等有关问题。明确专人负责实施，并严格执行项目法人、招标投标、政府采购、工程监理、合同管理等制度。在落实项目责任制上，业务科室为项目实施责任单位，跟踪预算和项目执行情况，对进展项目较慢的能及时进行调整和提出整改措施，合理调整、纠正预算执行偏差，确保项目实施工作正常运行。同时注重项目产出及效率，力求达到优化资源配置、合理控制成本、提高公共产品质量和公共服务水平的目的。
H2 （二）存在的问题及原因
P 项目预算执行率较低。截止 2022 年 12 月 31 日，1800 万元项目共支出 1160.49 万元，结转结余 639.51 万元，预算执行率为 64.47%。主要原因为部分项目已完工但尚未办理竣工验收及结算审计，项目款未进行支付。
H1 七、有关建议
P 加快项目验收进度，及时办理竣工验收及结算审计，及时完成报账并支付项目资金。
H1 八、绩效自评结果拟应用和公开情况
P 绩效自评结果用于加强和改进本部门项目管理工作，规范项目资金管理，强化资金使用效益，提升资金管理水平和工作质量。涉密事项除外，本部门 2022 年度州智慧湘西建设专项支出绩效自评情况按照要求在州级预决算公开平台及本部门门户网站上全文公开，接受社会公众监督。
H1 九、其他需要说明的问题
P 无其他需要说明的问题。
P 附件：1. 州级预算部门项目支出绩效自评表
"""
SEED_ZPB = {
    "goal": "动态管理更新州直部门政务信息系统和数据共享资源底数,加快系统清理整合;进一步巩固州政务云、州数据共享服务平台、数据通、国地通等智慧湘西公共技术平台建设成果;用好州数据共享服务平台、州数据通微服务平台、数据调度支撑平台;围绕政务服务、政府治理、决策运行,督促推进智慧旅游、智慧医疗、智慧政务等应用建设,加大智慧湘西 APP 推广应用力度;做好“十四五”规划前期智慧湘西建设项目前期工作,为数字经济发展夯实基础。",
    "done": "2022 年,全州上下严格按照州委州政府决策部署,积极抢抓国家大数据战略布局重大机遇,全力推进数字政府、数字经济和算力支撑建设,取得了较为显著的成绩。进一步巩固了州政务云、州数据共享服务平台、数据通、国地通等智慧湘西公共技术平台建设成果;用好州数据共享服务平台、州数据通微服务平台、数据调度支撑平台;围绕政务服务、政府治理、决策运行,督促推进智慧旅游、智慧医疗、智慧政务等应用建设,加大了智慧湘西 APP 推广应用力度。",
}

SEED_EXPECTED = [
    {
        "category": "score",
        "severity": "warning",
        "mention": ["6.5"],
        "accept": ["rate"],
        "note": "执行率得分 10×64.47%=6.45，填写 6.5",
    },
    {
        "category": "text",
        "severity": "warning",
        "mention": [["全三季度"]],
        "note": "摘要表\u201c全三季度合格率\u201d与正文\u201c前三季度合格率\u201d不一致",
    },
    {
        "category": "text",
        "severity": "warning",
        "mention": [["国地通", "数据调度支撑平台"]],
        "note": "年度目标：摘要表缺\u201c数据通、国地通\u201d\u201c用好…数据调度支撑平台\u201d分句",
    },
    {
        "category": "text",
        "severity": "warning",
        "mention": [["项目期工作"]],
        "note": "正文\u201c建设项目期工作\u201d脱漏\u201c前\u201d字",
    },
    {
        "category": "text",
        "severity": "warning",
        "mention": [["技术前置"]],
        "note": "摘要表\u201c项目技术前置审查\u201d与正文\u201c项目前置审查\u201d不一致",
    },
    {
        "category": "text",
        "severity": "warning",
        "mention": [["及时协调", "进行调整"]],
        "note": "经验做法两处措辞不一致",
    },
    {
        "category": "text",
        "severity": "warning",
        "mention": [["etc"]],
        "note": "资金表子项目名称\u201c安保电费 etc 运维费用\u201d与概况\u201c安保电费等运维费用\u201d不一致",
    },
    {
        "category": "logic",
        "severity": "warning",
        "mention": [["均已顺利实施完成", "均已"]],
        "note": "称七个子项目均已完成，但后评估费支出为 0",
    },
    {
        "category": "logic",
        "severity": "warning",
        "mention": [["验收合格"]],
        "accept": ["score"],
        "note": "称验收合格率100%、新建项目已验收合格，但问题部分称尚未办理竣工验收",
    },
    {
        "category": "logic",
        "severity": "warning",
        "mention": [["按预算支出"]],
        "accept": ["score"],
        "note": "成本指标\u201c全年按预算支出\u201d满分，但执行率仅 64.47%",
    },
    {
        "category": "missing",
        "severity": "warning",
        "mention": [["偏差"]],
        "note": "执行率 64.47% 远低于 100%，自评表偏差原因分析为空",
    },
    {
        "category": "missing",
        "severity": "info",
        "mention": [["年 月 日", "年月日", "签字", "填报日期"]],
        "optional": True,
        "note": "签字、日期未填",
    },
    {
        "category": "missing",
        "severity": "info",
        "mention": [["年初预算数"]],
        "optional": True,
        "note": "自评表年初预算数空白",
    },
    {
        "category": "logic",
        "severity": "info",
        "mention": [["按时完成"]],
        "optional": True,
        "note": "时效指标按时完成满分，但部分项目未验收",
    },
    {
        "category": "mismatch",
        "severity": "info",
        "mention": [["县市长", "州长"]],
        "optional": True,
        "note": "领导小组组长表述前后不一致",
    },
]

SIG_GAP = " " * 16


def seed_blocks():
    S = SEED_SUMMARY
    b = []
    # ---- cover
    b.append(Para("", "cover-gap"))
    b.append(Para(SEED_COVER[0], "title"))
    b.append(Para(SEED_COVER[1], "cover-title"))
    b.append(Para(SEED_COVER[2], "cover-title"))
    b.append(Para("4", "cover-gap"))
    for line in SEED_COVER[3:]:
        b.append(Para(line, "cover"))
    b.append(PageBreak())
    # ---- front summary table (自评报告表)
    mb = [
        p.replace("提升 政府部门", "提升政府部门") for p in S["mb"]
    ]  # a line-wrap artefact of the extraction
    funds = [
        ("其中：中央财政", "", "其中：中央财政", ""),
        ("省财政", "", "省财政", ""),
        ("州财政", "1800", "州财政", "1800"),
        ("县财政", "", "县财政", ""),
        ("单位自筹", "", "单位自筹", ""),
        ("其他", "", "其他", ""),
    ]
    rows = [
        [
            C("项目负责人"),
            C("唐铭 曾世圣 张琳", cs=2),
            C("联系电话"),
            C(["15274311637", "15174396090", "18674320707"]),
        ],
        [C("地 址"), C("州政务中心 4 楼，州大数据中心", cs=2), C("邮编"), C("416000")],
        [C("项目起止时间"), C("2022 年 1 月~2022 年 12 月", cs=4)],
        [C("计划投资额（万元）"), C("1800", cs=2), C("实际到位资金（万元）"), C("1800")],
    ]
    for a, v, c2, v2 in funds:
        rows.append([C(a), C(v, cs=2), C(c2), C(v2)])
    rows += [
        [C("基本概况"), C(S["jbgk"], cs=4)],
        [C("项目绩效目标"), C(mb, cs=4)],
        [C("项目执行情况", rs=3), C("项目完成情况"), C(S["wc"], cs=3)],
        [C("资金投入情况"), C(S["zj"], cs=3)],
        [C("绩效目标实现情况"), C(S["sx"], cs=3)],
        [C("经济效益分析"), C(S["jj"], cs=4)],
        [C("社会效益分析"), C(S["sh"], cs=4)],
        [C("项目组织管理情况"), C(S["zz"], cs=4)],
        [C("项目财务管理情况"), C(S["cw"], cs=4)],
        [C("总结经验及存在问题分析"), C(S["jy"], cs=4)],
        [C("自 评 结 论"), C(S["jl"], cs=4, align="center")],
        [C("有 关 建 议"), C(S["jyi"], cs=4, align="center", indent=False)],
        [C("评 价 人 员", rs=4), C("姓名"), C("职称/职务"), C("单 位"), C("签 字")],
        [C("欧菊芳"), C("政府办四级调研员"), C("湘西自治州人民政府办公室"), C("")],
        [C("谭碧波"), C("公共数据科科长"), C("智慧湘西领导小组办公室"), C("")],
        [C("张文腾"), C("综合协调科科长"), C("智慧湘西领导小组办公室"), C("")],
        [
            C(
                [s.replace("： 年 月 日", "：" + SIG_GAP + "年    月    日") for s in S["sig"]],
                cs=5,
                align="left",
                indent=False,
            )
        ],
        [
            C(
                [
                    S["cz"][0],
                    S["cz"][1].replace("：财政", "：" + " " * 8 + "财政"),
                    ("年    月    日", "right"),
                ],
                cs=5,
                align="left",
                indent=False,
            )
        ],
    ]
    b.append(Table([2.7, 2.6, 3.4, 3.6, 3.3], rows, size=12))
    b.append(PageBreak())
    # ---- body
    fund_rows = []
    for line in SEED_BODY.strip("\n").split("\n"):
        tag, _, text = line.partition(" ")
        if tag != "|" and fund_rows:
            b.append(
                Table(
                    [4.8, 2.3, 1.9, 2.0, 2.4, 2.2],
                    [
                        [
                            C(x, bold=(i == 0), align="center" if (j or i == 0) else "left", indent=False)
                            for j, x in enumerate(r)
                        ]
                        for i, r in enumerate(fund_rows)
                    ],
                    size=11,
                )
            )
            fund_rows = []
        if tag == "T":
            b.append(Para(text, "title"))
        elif tag == "H1":
            b.append(Para(text, "h1"))
        elif tag == "H2":
            b.append(Para(text, "h2"))
        elif tag == "C":
            b.append(Para(text, "caption"))
        elif tag == "U":
            b.append(Para(text, "unit"))
        elif tag == "|":
            fund_rows.append(text.split("\t"))
        elif text.startswith("附件"):
            b.append(Para(text, "plain"))
        else:
            b.append(Para(text, "body"))
    b.append(PageBreak())
    # ---- 附件1 绩效自评表
    b.append(Para("附件 1:", "attach"))
    b.append(Para("州级预算部门项目支出绩效自评表 (2022 年度)", "table-title"))
    ind = [  # (三级指标, 年度指标值, 实际完成值, 分值, 得分)
        ("完成数据资源共享单位", "48 个", "48 个", "4", "4"),
        ("建成数据中心及机房", "55 个", "55 个", "4", "4"),
        ("5G 物理站点建设", "822 个", "822 个", "4", "4"),
        ("开展网络安全培训", "22 次", "22 次", "4", "4"),
        ("政府网站和政务新媒体全覆盖合格率", "100%", "100%", "4", "4"),
    ]
    z = [
        [C("项目名称", cs=2), C("州智慧湘西建设专项", cs=7)],
        [
            C("主管部门", cs=2),
            C("湘西自治州人民政府办公室", cs=2),
            C("实施单位"),
            C("智慧湘西领导小组办公室", cs=4),
        ],
        [
            C("项目资金(万元)", rs=5),
            C("", cs=2),
            C("年初预算数"),
            C("全年预算数"),
            C("全年执行数"),
            C("分值"),
            C("执行率"),
            C("得分"),
        ],
        [C("年度资金总额", cs=2), C(""), C("1800"), C("1160.49"), C("10"), C("64.47%"), C("6.5")],
        [C("其中:当年财政拨款", cs=2), C(""), C("1800"), C("1160.49"), C("—"), C("—"), C("—")],
        [C("上年结转资金", cs=2), C(""), C(""), C(""), C("—"), C("—"), C("—")],
        [C("其他资金", cs=2), C(""), C(""), C(""), C("—"), C("—"), C("—")],
        [C("年度总体目标", rs=2), C("预期目标", cs=4), C("实际完成情况", cs=4)],
        [C(SEED_ZPB["goal"], cs=4, indent=False), C(SEED_ZPB["done"], cs=4, indent=False)],
        [
            C("绩效指标", rs=13),
            C("一级指标"),
            C("二级指标"),
            C("三级指标"),
            C("年度指标值"),
            C("实际完成值"),
            C("分值"),
            C("得分"),
            C("偏差原因分析及改进措施"),
        ],
    ]
    for i, (n, t, a, w, s) in enumerate(ind):
        row = []
        if i == 0:
            row += [C("产出指标 (50分)", rs=8), C("数量指标", rs=5)]
        row += [C(n), C(t), C(a), C(w), C(s), C("")]
        z.append(row)
    z += [
        [C("质量指标"), C("各子项目验收合格率"), C("100%"), C("100%"), C("10"), C("10"), C("")],
        [C("时效指标"), C("2022 年 1 月至 12 月"), C("按时完成"), C("按时完成"), C("10"), C("10"), C("")],
        [C("成本指标"), C("全年按预算支出"), C("按预算支出"), C("按预算支出"), C("10"), C("10"), C("")],
        [
            C("效益指标 (30分)", rs=3),
            C("经济效益指标"),
            C("节约人力、物力、财力，减少政府公共服务成本，降低了行政成本", align="center", indent=False),
            C("定性"),
            C(
                "节约了大量人力、物力、财力，减少政府公共服务成本，降低了行政成本",
                align="center",
                indent=False,
            ),
            C("10"),
            C("10"),
            C(""),
        ],
        [
            C("社会效益指标"),
            C("提升惠民便民利民服务水平，提升市民生活质量"),
            C("定性"),
            C("提升了惠民便民利民服务水平，提升了市民生活质量"),
            C("10"),
            C("10"),
            C(""),
        ],
        [
            C("可持续影响指标"),
            C("持续推动政府数字化、智能化运行"),
            C("定性"),
            C("为全面提升政务服务、政府治理、政府决策能力"),
            C("10"),
            C("10"),
            C(""),
        ],
        [
            C("满意度指标 (10分)"),
            C("服务对象满意度指标"),
            C("社会公众、服务对象的满意度"),
            C("95%"),
            C("99%"),
            C("10"),
            C("10"),
            C(""),
        ],
        [C("总分", cs=6), C("100"), C("96.5"), C("")],
    ]
    b.append(Table([1.2, 1.6, 1.6, 2.6, 1.8, 1.9, 1.2, 1.7, 2.0], z, size=10.5))
    for line in ("单位负责人签字：", "填表人：", "联系电话：", "填报日期：", "年 月 日"):
        b.append(Para(line, "plain"))
    return b


# ----------------------------------------------------------------------------------------------
# C. Synthetic reports: data → derived model (exact Decimal arithmetic) → blocks.
#    Faulty variants = clean data/model + explicit mutation functions (see MUTANTS).
# ----------------------------------------------------------------------------------------------

D = Decimal
Q2 = D("0.01")


def q2(x: Decimal) -> Decimal:
    return x.quantize(Q2, rounding=ROUND_HALF_UP)


def trim(x: Decimal) -> str:
    """80.00 -> 80, 17.60 -> 17.6 (how many reports print amounts and scores)."""
    s = f"{x:.2f}"
    return s.rstrip("0").rstrip(".") if "." in s else s


def money(R, x: Decimal) -> str:
    m = R["money"]
    if m == "fixed2":
        return f"{x:.2f}"
    if m == "sep2":
        return f"{x:,.2f}"
    return trim(x)


def pct(x: Decimal) -> str:
    return f"{x:.2f}%"


def band(total: Decimal) -> str:
    if total >= 90:
        return "优"
    if total >= 80:
        return "良"
    if total >= 60:
        return "中"
    return "差"


GRADE_NOTE = "备注：90（含）—100分为优；80（含）—90分为良；60（含）—80分为中；60分以下为差。"


def ind_score(ind) -> Decimal:
    w = ind["weight"]
    k = ind["kind"]
    if k == "qual":
        return q2(w * D(ind.get("factor", "1")))
    t, a = ind["t"], ind["a"]
    if k == "ge":
        return w if a >= t else q2(w * a / t)
    if k == "le":
        return w if a <= t else q2(w * t / a)
    if k == "eq":
        return w if a == t else q2(w * min(a, t) / max(a, t))
    raise ValueError(k)


def ind_strings(ind):
    if ind["kind"] == "qual":
        return ind["target"], ind["actual"]
    op = {"ge": "≥", "le": "≤", "eq": "="}[ind["kind"]]
    u = ind["unit"]
    return ind.get("target") or f"{op}{ind['t']}{u}", ind.get("actual") or f"{ind['a']}{u}"


def derive(R, clean=True):
    """All printed strings of one report, computed from its data."""
    u = R["unit"]
    M = {"R": R, "unit": u}
    rows = []
    tb = ts = D(0)
    for name, b, s in R["subs"]:
        b, s = D(b), D(s)
        tb += b
        ts += s
        rows.append(
            {
                "name": name,
                "budget": money(R, b),
                "arrived": money(R, b),
                "spent": money(R, s),
                "balance": money(R, b - s),
                "rate": pct(q2(s / b * 100)) if b else "0.00%",
            }
        )
    rate = q2(ts / tb * 100)
    M["fund_rows"] = rows
    M["fund_total"] = {
        "name": "合计",
        "budget": money(R, tb),
        "arrived": money(R, tb),
        "spent": money(R, ts),
        "balance": money(R, tb - ts),
        "rate": pct(rate),
    }
    M["B"], M["S"], M["BAL"], M["RATE"] = money(R, tb), money(R, ts), money(R, tb - ts), pct(rate)
    # execution-rate score: 10 × rate, rounded half-up to 2 decimals (same from the exact or printed rate)
    exec_w = D(R.get("exec_weight", "10"))
    exec_score = q2(exec_w * ts / tb)
    assert exec_score == q2(exec_w * rate / 100), (R["name"], "ambiguous execution score rounding")
    exec_score = D(R.get("exec_score_override", exec_score))
    M["exec"] = {"weight": trim(exec_w), "score": trim(exec_score), "dev": R.get("exec_dev", "")}
    # allocation documents and funding sources
    if clean:
        assert sum(D(a) for _, a in R["alloc"]) == tb, "allocation documents must sum to the budget"
        assert sum(D(a) for _, a in R["sources"]) == tb, "funding sources must sum to the budget"
        assert sum(D(b) for _, b, _ in R["subs"]) == tb
    M["alloc"] = "、".join(f"{doc}文件下达 {money(R, D(a))} {u}" for doc, a in R["alloc"])
    M["sources"] = [(lab, money(R, D(a))) for lab, a in R["sources"]]
    # indicators
    inds = []
    total = exec_score
    for ind in R["inds"]:
        sc = ind_score(ind)
        if clean:
            assert sc <= ind["weight"]
            if sc < ind["weight"]:
                assert ind.get("dev"), ("missed target needs a deviation reason", ind["name"])
        sc = D(ind.get("score_override", sc))
        total += sc
        t, a = ind_strings(ind)
        inds.append(
            {
                "l1": ind["l1"],
                "l2": ind["l2"],
                "name": ind["name"],
                "target": t,
                "actual": a,
                "weight": trim(ind["weight"]),
                "score": trim(sc),
                "dev": ind.get("dev", ""),
            }
        )
    if clean:
        wsum = sum(i["weight"] for i in R["inds"]) + exec_w
        assert wsum == 100, (R["name"], wsum)
        for l1, w in R["l1_weights"].items():
            assert sum(i["weight"] for i in R["inds"] if i["l1"] == l1) == D(w), (l1, w)
        if rate < D(R.get("exec_explain_below", "90")):
            assert R.get("exec_dev"), "execution below the threshold needs an explanation in the 自评表"
    M["inds"] = inds
    M["total"] = trim(total)
    M["grade"] = band(total)
    M["total_dec"] = total
    # text passages: one entry per copy (location), identical in a clean report
    y = R["year"]
    items = "；".join(f"{n} {money(R, D(b))} {u}" for n, b, _ in R["subs"])
    overview = (
        f"{R['overview_lead']}{y}年度{R['funder']}预算安排{R['project_short']}资金 {M['B']} {u}，"
        f"用于：{items}。项目子项目共 {len(R['subs'])} 个。"
    )
    alloc = (
        f"{y}年度{R['funder']}安排{R['project_short']}资金 {M['B']} {u}，该项目资金{R['bureau']}以"
        f"{M['alloc']}，资金到位率 100%"
    )
    spent = (
        f"截至 {y} 年 12 月 31 日，{R['project_short']}共支出资金 {M['S']} {u}，结转结余 {M['BAL']} {u}，"
        f"预算执行率为 {M['RATE']}"
    )
    T = {}

    def copies(key, text, *locs):
        T[key] = {loc: text for loc in locs}

    copies("background", R["background"], "summary", "body")
    copies("overview", overview, "summary", "body")
    copies("goal_total", R["goal_total"], "summary", "body")
    copies("goal_year", R["goal_year"], "summary", "body", "table")
    copies("completion", R["completion"], "summary", "body")
    T["funds"] = {
        "summary": f"{alloc}；{spent}。",
        "body_alloc": f"{alloc}。",
        "body_spent": f"{spent}。各子项目资金到位及使用情况如下：",
        "body_process": f"{alloc}；{spent}。",
    }
    copies("achievements", "\n".join(R["achievements"]), "summary", "body")
    copies("econ", R["econ"], "summary", "body")
    copies("social", R["social"], "summary", "body")
    copies("org", R["org_text"], "summary", "body")
    copies("fin", "\n".join(R["fin"]), "summary", "body")
    copies("experience", R["experience"], "summary", "body")
    problems = R["problems"].format(B=M["B"], S=M["S"], BAL=M["BAL"], RATE=M["RATE"], u=u, y=y)
    copies("problems", problems, "summary", "body")
    copies("suggestion", R["suggestion"], "summary", "body")
    T["conclusion"] = {
        "summary": f"评分：{M['total']}    等级：{M['grade']}",
        "body": (
            f"本部门 {y} 年度{R['project_short']}资金使用管理规范，{R['conclusion_lead']}"
            f"评分为 {M['total']} 分，等级为“{M['grade']}”。"
        ),
    }
    T["title"] = {"cover": f"{y}年度{R['project']}", "body": f"{y}年度{R['project']}"}
    M["text"] = T
    M["done_text"] = R["done"]
    M["report_date"] = R["report_date"]
    M["sign_date"] = R["sign_date"]
    M["filler"] = R["filler"]
    M["phone"] = R["phone"]
    return M


def replace_in(M, key, loc, old, new, count=1):
    s = M["text"][key][loc]
    assert s.count(old) == count, (key, loc, old, s.count(old))
    M["text"][key][loc] = s.replace(old, new)


def replace_all(M, old, new):
    n = 0
    for locs in M["text"].values():
        for loc, s in locs.items():
            if old in s:
                n += s.count(old)
                locs[loc] = s.replace(old, new)
    assert n >= 1, old
    return n


def summary_table(M):
    R, T, u = M["R"], M["text"], M["unit"]
    rows = [
        [C("项目负责人"), C(R["leader"], cs=2), C("联系电话"), C(R["leader_phone"])],
        [C("地 址"), C(R["address"], cs=2), C("邮编"), C(R["postcode"])],
        [C("项目起止时间"), C(R["period"], cs=4)],
        [C(f"计划投资额（{u}）"), C(M["B"], cs=2), C(f"实际到位资金（{u}）"), C(M["B"])],
    ]
    labels = R["source_labels"]
    src = dict(M["sources"])
    for i, lab in enumerate(labels):
        pre = "其中：" if i == 0 else ""
        v = src.get(lab, "")
        rows.append([C(pre + lab), C(v, cs=2), C(pre + lab), C(v)])
    rows += [
        [C("基本概况"), C([T["background"]["summary"], T["overview"]["summary"]], cs=4)],
        [
            C("项目绩效目标"),
            C(["总目标：" + T["goal_total"]["summary"], "年度目标：" + T["goal_year"]["summary"]], cs=4),
        ],
        [
            C("项目执行情况", rs=3),
            C("项目完成情况"),
            C(T["completion"]["summary"], cs=3, align="justify", indent=True),
        ],
        [C("资金投入情况"), C(T["funds"]["summary"], cs=3)],
        [C("绩效目标实现情况"), C(T["achievements"]["summary"].split("\n"), cs=3)],
        [C("经济效益分析"), C(T["econ"]["summary"], cs=4, align="justify", indent=True)],
        [C("社会效益分析"), C(T["social"]["summary"], cs=4, align="justify", indent=True)],
        [C("项目组织管理情况"), C(T["org"]["summary"], cs=4)],
        [C("项目财务管理情况"), C(T["fin"]["summary"].split("\n"), cs=4)],
        [
            C("总结经验及存在问题分析"),
            C(
                [
                    "（一）主要经验做法",
                    T["experience"]["summary"],
                    "（二）存在的问题及原因",
                    T["problems"]["summary"],
                ],
                cs=4,
                align="justify",
                indent=True,
            ),
        ],
        [C("自 评 结 论"), C([T["conclusion"]["summary"], GRADE_NOTE], cs=4, align="center", indent=False)],
        [C("有 关 建 议"), C(T["suggestion"]["summary"], cs=4, align="justify", indent=True)],
        [C("评 价 人 员", rs=1 + len(R["evaluators"])), C("姓名"), C("职称/职务"), C("单 位"), C("签 字")],
    ]
    for name, title, unit in R["evaluators"]:
        rows.append([C(name), C(title), C(unit), C(name)])
    d = M["sign_date"]
    sig = R["signers"]
    rows.append(
        [
            C(
                [
                    f"评价组组长（签字）：{sig[0]}" + " " * 8 + d,
                    f"项目实施单位负责人（签字）：{sig[1]}" + " " * 8 + d,
                    f"项目实施单位名称（盖章）：{R['org']}" + " " * 4 + d,
                    f"主管部门负责人（签字）：{sig[2]}" + " " * 8 + d,
                    f"主管部门（盖章）：{R['dept']}" + " " * 4 + d,
                ],
                cs=5,
                align="left",
                indent=False,
            )
        ]
    )
    return Table([2.7, 2.6, 3.4, 3.6, 3.3], rows, size=12)


def fund_table(M):
    R = M["R"]
    rows_in = M["fund_rows"] + [M["fund_total"]]
    if R["fund_style"] == "alt":
        hdr = ["序号", "项目名称", "预算数", "执行数", "执行率", "结余"]
        rows = [[C(h, bold=True) for h in hdr]]
        for i, r in enumerate(rows_in):
            no = "" if r is M["fund_total"] else str(i + 1)
            rows.append(
                [
                    C(no),
                    C(r["name"], align="left" if no else "center", indent=False),
                    C(r["budget"]),
                    C(r["spent"]),
                    C(r["rate"]),
                    C(r["balance"]),
                ]
            )
        rows[-1][0:2] = [C(M["fund_total"]["name"], cs=2)]
        return Table([1.1, 5.7, 2.2, 2.2, 2.2, 2.2], rows, size=11, header_rows=1)
    hdr = [
        "子项目名称",
        R["fund_budget_label"],
        "实际到位资金",
        "实际支出金额",
        "项目结转结余金额",
        "预算执行率",
    ]
    rows = [[C(h, bold=True) for h in hdr]]
    for r in rows_in:
        rows.append(
            [
                C(r["name"], align="left" if r is not M["fund_total"] else "center", indent=False),
                C(r["budget"]),
                C(r["arrived"]),
                C(r["spent"]),
                C(r["balance"]),
                C(r["rate"]),
            ]
        )
    w = [4.0, 2.45, 2.45, 2.45, 2.45, 1.8] if R["money"] == "sep2" else [4.8, 2.3, 1.9, 2.0, 2.4, 2.2]
    return Table(w, rows, size=10.5 if R["money"] == "sep2" else 11)


def selfeval_table(M):
    R, T = M["R"], M["text"]
    sichuan = R["template"] == "sichuan"
    u = M["unit"]
    wlab = "权重" if sichuan else "分值"
    devlab = R.get("dev_label", "偏差原因分析及改进措施")
    z = [[C("项目名称", cs=2), C(R["project_table_name"], cs=7)]]
    if sichuan:
        z.append([C("主管部门及代码", cs=2), C(R["dept_code"], cs=3), C("实施单位", cs=1), C(R["org"], cs=3)])
        z += [
            [
                C(f"项目资金（{u}）", rs=3),
                C("", cs=2),
                C("年初预算数"),
                C("调整后预算数"),
                C("预算执行数"),
                C("预算执行率"),
                C(wlab),
                C("得分"),
            ],
            [
                C("财政资金", cs=2),
                C(M["B"]),
                C(M["B"]),
                C(M["S"]),
                C(M["RATE"]),
                C(M["exec"]["weight"]),
                C(M["exec"]["score"]),
            ],
            [C("其他资金", cs=2), C("—"), C("—"), C("—"), C("—"), C("—"), C("—")],
        ]
    else:
        z.append([C("主管部门", cs=2), C(R["dept"], cs=2), C("实施单位"), C(R["org"], cs=4)])
        nfund = 6 if R.get("exec_dev_row") else 5
        z += [
            [
                C(f"项目资金({u})", rs=nfund),
                C("", cs=2),
                C("年初预算数"),
                C("全年预算数"),
                C("全年执行数"),
                C("分值"),
                C("执行率"),
                C("得分"),
            ],
            [
                C("年度资金总额", cs=2),
                C(M["B"]),
                C(M["B"]),
                C(M["S"]),
                C(M["exec"]["weight"]),
                C(M["RATE"]),
                C(M["exec"]["score"]),
            ],
            [C("其中：当年财政拨款", cs=2), C(M["B"]), C(M["B"]), C(M["S"]), C("—"), C("—"), C("—")],
            [C("上年结转资金", cs=2), C("0"), C("0"), C("0"), C("—"), C("—"), C("—")],
            [C("其他资金", cs=2), C("0"), C("0"), C("0"), C("—"), C("—"), C("—")],
        ]
        if R.get("exec_dev_row"):
            z.append(
                [C("偏差原因分析及改进措施", cs=2), C(M["exec"]["dev"], cs=6, align="justify", indent=False)]
            )
    z += [
        [C("年度总体目标", rs=2), C("预期目标", cs=4), C("实际完成情况", cs=4)],
        [
            C(T["goal_year"]["table"], cs=4, align="justify", indent=False),
            C(M["done_text"], cs=4, align="justify", indent=False),
        ],
    ]
    inds = M["inds"]
    z.append(
        [
            C("绩效指标", rs=1 + len(inds)),
            C("一级指标"),
            C("二级指标"),
            C("三级指标"),
            C("年度指标值"),
            C("实际完成值"),
            C(wlab),
            C("得分"),
            C(devlab),
        ]
    )
    l1_label = R["l1_labels"]
    for i, ind in enumerate(inds):
        row = []
        if i == 0 or inds[i - 1]["l1"] != ind["l1"]:
            n = sum(1 for x in inds if x["l1"] == ind["l1"])
            row.append(C(l1_label[ind["l1"]], rs=n))
        if i == 0 or inds[i - 1]["l2"] != ind["l2"] or inds[i - 1]["l1"] != ind["l1"]:
            n = 0
            for x in inds[i:]:
                if x["l1"] == ind["l1"] and x["l2"] == ind["l2"]:
                    n += 1
                else:
                    break
            row.append(C(ind["l2"], rs=n))
        row += [
            C(ind["name"], align="center", indent=False),
            C(ind["target"]),
            C(ind["actual"], align="center", indent=False),
            C(ind["weight"]),
            C(ind["score"]),
            C(ind["dev"], align="left", indent=False),
        ]
        z.append(row)
    z.append([C("总分", cs=6), C("100"), C(M["total"]), C("")])
    if sichuan:  # amounts in 元 with separators need wide columns
        return Table([1.0, 1.3, 1.3, 2.4, 2.4, 2.4, 1.5, 1.1, 2.2], z, size=9)
    return Table([1.2, 1.5, 1.6, 2.4, 1.8, 1.9, 1.1, 1.7, 2.4], z, size=10)


def report_blocks(M):
    R, T, u, y = M["R"], M["text"], M["unit"], M["R"]["year"]
    b = [
        Para("", "cover-gap"),
        Para(R["org"], "title"),
        Para(T["title"]["cover"], "cover-title"),
        Para("支出绩效自评报告", "cover-title"),
        Para("4", "cover-gap"),
    ]
    for line in (
        f"项目名称：{R['project']}",
        f"支出功能科目编码：{R['func_code']}",
        f"项目实施单位：{R['org']}",
        f"主管部门：{R['dept']}",
        "评价方式：部门绩效自评",
        "评价机构：部门绩效自评工作小组",
        f"单位名称（盖章）：{R['org']}",
        f"报告时间：{M['report_date']}",
    ):
        b.append(Para(line, "cover"))
    b.append(PageBreak())
    b.append(Para(R["summary_title"], "table-title"))
    b.append(summary_table(M))
    b.append(PageBreak())
    b += [Para(R["org"], "title"), Para(T["title"]["body"], "title"), Para("支出绩效自评报告", "title")]
    b.append(Para(R["intro"], "body"))
    H1, H2, P = (lambda s: Para(s, "h1")), (lambda s: Para(s, "h2")), (lambda s: Para(s, "body"))
    b += [
        H1("一、项目概况"),
        H2("（一）项目实施单位基本情况"),
        P(R["unit_info"]),
        H2("（二）项目资金基本情况"),
        P(T["background"]["body"]),
        P(T["overview"]["body"]),
        H2("（三）项目资金绩效目标"),
        P("总目标：" + T["goal_total"]["body"]),
        P("年度目标：" + T["goal_year"]["body"]),
        H1("二、项目资金使用及管理情况"),
        H2("（一）项目资金安排落实、总投入等情况"),
        P(T["funds"]["body_alloc"]),
    ]
    if R.get("alloc_detail"):
        b.append(P(R["alloc_detail"]))
    b += [H2("（二）项目资金实际使用情况")]
    if R.get("spent_detail"):
        b.append(P(R["spent_detail"]))
    b += [
        P(T["funds"]["body_spent"]),
        Para(R["fund_caption"], "caption"),
        Para(f"单位：{u}", "unit"),
        fund_table(M),
    ]
    b += [H2("（三）项目资金管理情况")] + [P(x) for x in T["fin"]["body"].split("\n")]
    b += [
        H1("三、项目组织实施情况"),
        H2("（一）项目组织情况"),
        P(R["org_setup"] + T["completion"]["body"]),
        H2("（二）项目管理情况"),
        P(T["org"]["body"]),
        H1("四、项目支出绩效情况"),
        H2("（一）项目支出决策情况"),
        P(R["decision"]),
        H2("（二）项目支出过程情况"),
        P(T["funds"]["body_process"]),
        P(R["process"]),
        H2("（三）项目支出产出情况"),
        P(R["output_lead"]),
    ]
    b += [P(x) for x in T["achievements"]["body"].split("\n")]
    b += [
        H2("（四）项目支出效益情况"),
        P("经济效益：" + T["econ"]["body"]),
        P("社会效益：" + T["social"]["body"]),
        P("可持续影响：" + R["sustain"]),
        H1("五、综合评价情况及评价结论"),
        P(R["eval_intro"] + T["conclusion"]["body"]),
        H1("六、主要经验做法及存在的问题及原因"),
        H2("（一）主要经验做法"),
        P(T["experience"]["body"]),
        H2("（二）存在的问题及原因"),
        P(T["problems"]["body"]),
        H1("七、有关建议"),
        P(T["suggestion"]["body"]),
        H1("八、绩效自评结果拟应用和公开情况"),
        P(R["publish"]),
        H1("九、其他需要说明的问题"),
        P(R["other"]),
        Para(f"附件：1. {R['selfeval_title']}", "plain"),
        Para(R["org"], "right"),
        Para(M["sign_date"], "right"),
    ]
    b.append(PageBreak())
    b.append(Para("附件1", "attach"))
    b.append(Para(R["selfeval_title"], "table-title"))
    b.append(Para(f"（{y}年度）", "center"))
    b.append(selfeval_table(M))
    b.append(Para(f"单位负责人签字：{R['signers'][1]}        填表人：{M['filler']}", "small"))
    b.append(Para(f"联系电话：{M['phone']}        填报日期：{M['sign_date']}", "small"))
    return b


# ---- report data ------------------------------------------------------------------------------

COMMON_FIN = [
    "项目单位严格执行{law}，建立健全了专项资金管理制度，从资金分配与拨付、项目申报与审批、资金监管等方面对专项资金管理工作予以明确，做到专人负责、专账核算、专款专用。",
    "项目支出按规定履行审批手续，财务严格把关，资金拨付有完整的审核、审批程序和手续，支出符合项目预算批复规定的用途，无截留、挤占、挪用、虚列支出等情况。",
]

EDU = dict(
    name="edu-nutrition-2023",
    year=2023,
    unit="万元",
    money="fixed2",
    template="mof",
    fund_style="standard",
    fund_budget_label="预算安排资金",
    fund_caption="营养改善计划专项资金到位及使用情况表",
    org="桐溪县学生资助管理中心",
    dept="桐溪县教育局",
    func_code="2050299",
    project="农村义务教育学生营养改善计划专项资金",
    project_short="营养改善计划专项",
    project_table_name="2023年度农村义务教育学生营养改善计划专项资金",
    summary_title="项目支出绩效自评报告表",
    selfeval_title="项目支出绩效自评表",
    funder="中央、省、县三级财政共",
    bureau="县财政局",
    alloc=[("桐财教〔2023〕12号", "1000.00"), ("桐财教〔2023〕27号", "634.00")],
    sources=[("中央财政", "1186.40"), ("省财政", "200.00"), ("县财政", "247.60")],
    source_labels=["中央财政", "省财政", "州(市)财政", "县财政", "单位自筹", "其他"],
    subs=[
        ("学生营养膳食补助", "1186.40", "1186.40"),
        ("学校食堂设备购置", "156.80", "62.72"),
        ("食堂从业人员劳务补助", "248.50", "231.62"),
        ("食品安全检测与管理", "42.30", "38.07"),
    ],
    l1_weights={"产出": 50, "效益": 30, "满意度": 10},
    l1_labels={"产出": "产出指标（50分）", "效益": "效益指标（30分）", "满意度": "满意度指标（10分）"},
    inds=[
        dict(
            l1="产出",
            l2="数量指标",
            name="受益学生人数",
            kind="ge",
            t=D("11600"),
            a=D("11864"),
            unit="人",
            weight=D(6),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="覆盖农村义务教育学校",
            kind="eq",
            t=D("126"),
            a=D("126"),
            unit="所",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="营养餐供餐天数",
            kind="ge",
            t=D("200"),
            a=D("200"),
            unit="天",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="购置食堂设备",
            kind="ge",
            t=D("45"),
            a=D("18"),
            unit="台套",
            weight=D(4),
            dev="首次招标流标、二次招标延期，年底仅交付首批18台套；剩余27台套已签订合同，2024年一季度交付。",
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="食品安全抽检合格率",
            kind="ge",
            t=D("98"),
            a=D("99.2"),
            unit="%",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="供餐营养达标率",
            kind="ge",
            t=D("95"),
            a=D("97.5"),
            unit="%",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="时效指标",
            name="补助资金按月拨付及时率",
            kind="eq",
            t=D("100"),
            a=D("100"),
            unit="%",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="时效指标",
            name="食堂设备交付时间",
            kind="qual",
            target="2023年10月底前",
            actual="首批2023年12月交付",
            factor="0.7",
            weight=D(5),
            dev="受招标延期影响交付晚于计划，部分达成；已督促供应商2024年3月底前全部交付。",
        ),
        dict(
            l1="产出",
            l2="成本指标",
            name="生均每天膳食补助标准",
            kind="le",
            t=D("5"),
            a=D("5"),
            unit="元",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="成本指标",
            name="食堂设备采购支出控制",
            kind="le",
            t=D("156.80"),
            a=D("62.72"),
            unit="万元",
            weight=D(5),
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="学生营养健康状况",
            kind="qual",
            target="有效改善",
            actual="明显改善",
            weight=D(10),
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="学生营养不良检出率下降",
            kind="ge",
            t=D("1"),
            a=D("1.3"),
            unit="个百分点",
            weight=D(10),
        ),
        dict(
            l1="效益",
            l2="可持续影响指标",
            name="营养改善长效管理机制",
            kind="qual",
            target="建立健全",
            actual="已建立健全",
            weight=D(10),
        ),
        dict(
            l1="满意度",
            l2="服务对象满意度指标",
            name="学生及家长满意度",
            kind="ge",
            t=D("90"),
            a=D("95.6"),
            unit="%",
            weight=D(10),
        ),
    ],
    leader="杨晓梅",
    leader_phone="0855-6621378",
    address="桐溪县城关镇文昌路 18 号",
    postcode="556600",
    period="2023 年 1 月~2023 年 12 月",
    evaluators=[
        ("吴国栋", "县教育局副局长", "桐溪县教育局"),
        ("龙秀英", "计划财务股股长", "桐溪县教育局"),
        ("潘建明", "中心主任", "桐溪县学生资助管理中心"),
    ],
    signers=["吴国栋", "潘建明", "石光荣"],
    filler="龙秀英",
    phone="0855-6621378",
    report_date="2024 年 3 月",
    sign_date="2024年3月15日",
    intro=(
        "为进一步加强预算绩效管理，提高财政资金使用效益，根据《桐溪县财政局关于开展2023年度县直预算部门项目支出绩效自评工作的通知》"
        "（桐财绩〔2024〕3号）要求，桐溪县学生资助管理中心对2023年度农村义务教育学生营养改善计划专项资金开展了绩效自评。"
        "本次评价遵循“科学规范、公正公开、分类管理、绩效相关”原则，现将情况报告如下："
    ),
    unit_info=(
        "桐溪县学生资助管理中心为桐溪县教育局下属公益一类事业单位，核定编制8名，内设综合股、资助股、营养改善股，"
        "主要负责全县学生资助政策落实和农村义务教育学生营养改善计划的组织实施、资金管理和食品安全监管协调工作。"
    ),
    background=(
        "为贯彻落实国家农村义务教育学生营养改善计划，提高农村学生营养健康水平，促进教育公平，"
        "我县自2012年起在全县农村义务教育学校全面实施营养改善计划，实行学校食堂供餐模式。"
    ),
    overview_lead="",
    goal_total="全面落实农村义务教育学生营养改善计划，保障农村学生在校期间营养膳食供给，改善学生营养健康状况，提高学生健康素质，促进教育公平。",
    goal_year=(
        "按每生每天5元标准为全县126所农村义务教育学校学生提供营养膳食补助，全年供餐不少于200天；"
        "购置食堂设备45台套，改善学校食堂供餐条件；食品安全抽检合格率达到98%以上，学生及家长满意度达到90%以上。"
    ),
    completion=(
        "2023 年度营养改善计划专项四个子项目中，学生营养膳食补助、食堂从业人员劳务补助、食品安全检测与管理三个子项目已按计划实施完成；"
        "学校食堂设备购置项目因招标延期，年底完成首批 18 台套设备交付，剩余设备于 2024 年一季度交付。"
    ),
    achievements=[
        "一是营养膳食补助足额发放。全县 126 所农村义务教育学校全部实施营养改善计划，受益学生 11864 人，全年供餐 200 天，按每生每天 5 元标准足额发放膳食补助，补助资金按月拨付及时率 100%；",
        "二是供餐质量稳步提升。严格落实食材统一采购、集中配送和陪餐制度，全年开展食品安全抽检 620 批次，抽检合格率 99.2%，供餐营养达标率 97.5%；",
        "三是食堂条件逐步改善。完成首批 18 台套食堂设备交付使用，剩余 27 台套已签订采购合同；",
        "四是学生营养健康状况明显改善。学生营养不良检出率较上年下降 1.3 个百分点，学生及家长满意度达 95.6%。",
    ],
    econ="通过集中采购、统一配送降低了食材采购成本，带动本地蔬菜、禽蛋等农产品销售，增加了当地农户收入。",
    social="营养改善计划的实施有效改善了农村学生营养健康状况，减轻了农村家庭经济负担，提高了学生到校率和巩固率，促进了教育公平。",
    sustain="建立健全了营养改善计划长效管理机制，食堂管理、食品安全和资金监管制度持续有效运行。",
    org_text=(
        "县教育局成立了营养改善计划工作领导小组，局长任组长，分管副局长任副组长，相关股室负责人为成员。"
        "严格执行食材采购招标、合同管理、陪餐和公示等制度，强化对学校食堂的日常监管，各项制度得到有效执行。"
    ),
    org_setup="县教育局成立了营养改善计划工作领导小组，明确专人负责项目实施。",
    fin=[s.format(law="《农村义务教育学生营养改善计划专项资金管理办法》") for s in COMMON_FIN],
    decision="项目按照规定的程序申请设立，立项依据充分、程序规范；项目设置了明确的绩效目标，绩效目标与实际工作内容相关，与预算确定的投资额相匹配。",
    process="项目严格按照专项资金管理制度进行安排和使用，膳食补助按月拨付到校，设备采购按政府采购程序实施，专项资金严格按计划和实施进度合理使用。",
    output_lead="2023年，我县严格按照上级部署，扎实推进营养改善计划各项工作，取得了较好成效。",
    experience=(
        "坚持“政府主导、部门协作、学校实施”的工作机制，实行食材统一采购、集中配送，落实校长负责制和陪餐制度，"
        "对项目执行情况定期调度，对进度较慢的子项目及时督促整改。"
    ),
    problems=(
        "一是预算执行率未达 100%。截至 {y} 年 12 月 31 日，{B} {u}项目资金共支出 {S} {u}，结转结余 {BAL} {u}，"
        "预算执行率为 {RATE}，主要原因是学校食堂设备购置项目招标延期，设备尚未全部交付，剩余资金未支付。"
        "二是部分学校食堂从业人员流动性较大，培训效果有待巩固。"
    ),
    suggestion="加快食堂设备采购合同履约进度，设备交付验收后及时支付结转资金；加强食堂从业人员培训和管理。",
    conclusion_lead="绩效目标基本完成，",
    eval_intro="本部门成立了绩效自评工作小组，根据相关资料、评价指标、评价标准和评价方法进行评分，形成自评结论。",
    done=(
        "全县126所农村义务教育学校全面实施营养改善计划，受益学生11864人，全年供餐200天；食品安全抽检合格率99.2%；"
        "首批18台套食堂设备已交付使用，剩余设备2024年一季度交付；学生及家长满意度95.6%。"
    ),
    publish="绩效自评结果用于加强和改进项目管理，并按要求在县人民政府门户网站公开，接受社会监督。",
    other="无其他需要说明的问题。",
)

WATER = dict(
    name="water-supply-2023",
    year=2023,
    unit="元",
    money="sep2",
    template="sichuan",
    fund_style="standard",
    fund_budget_label="预算安排资金",
    fund_caption="农村供水保障工程专项资金到位及使用情况表",
    org="崇山县农村供水服务中心",
    dept="崇山县水利局",
    dept_code="崇山县水利局（405001）",
    func_code="2130335",
    project="农村供水保障工程专项资金",
    project_short="农村供水保障专项",
    project_table_name="2023年农村供水保障工程专项资金",
    summary_title="项目支出绩效自评报告表",
    selfeval_title="项目支出绩效自评表",
    dev_label="未完成原因分析及改进措施",
    funder="中央、省、县三级财政共",
    bureau="县财政局",
    alloc=[
        ("崇财农〔2023〕12号", "2500000.00"),
        ("崇财农〔2023〕35号", "1200000.00"),
        ("崇财农〔2023〕58号", "613000.00"),
    ],
    sources=[("中央财政", "2500000.00"), ("省财政", "1200000.00"), ("县财政", "613000.00")],
    source_labels=["中央财政", "省财政", "市(州)财政", "县财政", "单位自筹", "其他"],
    subs=[
        ("集中供水工程管网延伸", "1856400.00", "1802315.60"),
        ("水厂净化消毒设备更新", "742800.00", "742800.00"),
        ("农村供水水质检测", "236500.00", "198436.50"),
        ("分散供水工程维修养护", "965300.00", "917035.00"),
        ("供水信息化监测平台建设", "512000.00", "401920.00"),
    ],
    l1_weights={"产出": 60, "效益": 30},
    l1_labels={"产出": "产出指标", "效益": "效益指标"},
    inds=[
        dict(
            l1="产出",
            l2="数量指标",
            name="新建改造供水管网长度",
            kind="ge",
            t=D("42"),
            a=D("43.6"),
            unit="公里",
            weight=D(10),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="更新净化消毒设备",
            kind="eq",
            t=D("12"),
            a=D("12"),
            unit="台（套）",
            weight=D(10),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="维修养护分散供水工程",
            kind="ge",
            t=D("150"),
            a=D("138"),
            unit="处",
            weight=D(10),
            dev="部分山区工程点位分散、汛期施工受限，12处顺延至2024年一季度实施。",
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="集中供水工程水质达标率",
            kind="ge",
            t=D("90"),
            a=D("93.5"),
            unit="%",
            weight=D(10),
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="工程验收合格率",
            kind="eq",
            t=D("100"),
            a=D("100"),
            unit="%",
            weight=D(10),
        ),
        dict(
            l1="产出",
            l2="时效指标",
            name="管网延伸及设备更新工程完工时间",
            kind="qual",
            target="2023年11月底前",
            actual="2023年11月28日完工",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="成本指标",
            name="管网延伸每公里综合造价",
            kind="le",
            t=D("4.5"),
            a=D("4.13"),
            unit="万元",
            weight=D(5),
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="农村自来水普及率",
            kind="ge",
            t=D("92"),
            a=D("91.6"),
            unit="%",
            weight=D(10),
            dev="部分高山散居农户距管网较远，入户工程尚在推进；2024年通过管网延伸补齐短板。",
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="受益农村人口",
            kind="ge",
            t=D("3.8"),
            a=D("3.92"),
            unit="万人",
            weight=D(10),
        ),
        dict(
            l1="效益",
            l2="可持续影响指标",
            name="工程长效运行管护机制",
            kind="qual",
            target="建立健全",
            actual="已建立县级统管、乡镇监管、村级管护机制",
            weight=D(5),
        ),
        dict(
            l1="效益",
            l2="满意度指标",
            name="受益群众满意度",
            kind="ge",
            t=D("90"),
            a=D("94"),
            unit="%",
            weight=D(5),
        ),
    ],
    leader="陈志刚",
    leader_phone="0835-4226017",
    address="崇山县城厢镇滨河路 66 号",
    postcode="625100",
    period="2023 年 1 月~2023 年 12 月",
    evaluators=[
        ("何永平", "水利局副局长", "崇山县水利局"),
        ("李红梅", "规划财务股股长", "崇山县水利局"),
        ("罗斌", "高级工程师", "崇山县农村供水服务中心"),
        ("王婷", "会计师", "崇山县农村供水服务中心"),
    ],
    signers=["何永平", "陈志刚", "赵德明"],
    filler="王婷",
    phone="0835-4226017",
    report_date="2024 年 3 月",
    sign_date="2024年3月20日",
    intro=(
        "根据《四川省财政厅关于印发〈四川省省级项目支出绩效自评管理办法〉的通知》和《崇山县财政局关于开展2023年度项目支出绩效自评工作的通知》"
        "（崇财绩〔2024〕5号）要求，崇山县农村供水服务中心对2023年度农村供水保障工程专项资金开展了绩效自评，现将自评情况报告如下："
    ),
    unit_info=(
        "崇山县农村供水服务中心为崇山县水利局所属公益一类事业单位，主要负责全县农村供水工程建设管理、运行维护、水质检测和供水安全监管等工作。"
    ),
    background=(
        "为巩固拓展脱贫攻坚成果，提升农村供水保障水平，根据省、市关于农村供水保障工程建设的部署，"
        "我县实施农村供水保障工程，推进城乡供水一体化和农村供水规模化、标准化建设。"
    ),
    overview_lead="",
    goal_total="构建城乡统筹、安全可靠的农村供水保障体系，全面提升农村供水保障水平，让农村群众喝上放心水、安全水。",
    goal_year=(
        "新建改造供水管网42公里，更新净化消毒设备12台（套），维修养护分散供水工程150处；"
        "集中供水工程水质达标率达到90%以上，农村自来水普及率达到92%，受益农村人口3.8万人，受益群众满意度达到90%以上。"
    ),
    completion=(
        "2023 年度农村供水保障专项五个子项目中，管网延伸、设备更新、水质检测和信息化监测平台建设四个子项目已实施完成，"
        "新建改造供水管网 43.6 公里，更新净化消毒设备 12 台（套）；分散供水工程维修养护完成 138 处，"
        "其余 12 处因汛期施工受限顺延至 2024 年一季度实施。"
    ),
    achievements=[
        "一是供水工程建设有序推进。新建改造供水管网 43.6 公里，更新净化消毒设备 12 台（套），工程验收合格率 100%；",
        "二是工程管护水平持续提升。管网延伸及设备更新工程于 2023 年 11 月 28 日完工，完成分散供水工程维修养护 138 处；",
        "三是供水水质稳步提高。全年开展水质检测 1260 批次，集中供水工程水质达标率 93.5%；",
        "四是群众饮水条件明显改善。农村自来水普及率达到 91.6%，受益农村人口 3.92 万人，受益群众满意度 94%。",
    ],
    econ="工程建成后减少了群众取水用工和分散水源维护费用，管网漏损率下降，供水单位运行成本有所降低。",
    social="工程实施有效解决了部分农村群众饮水不稳定问题，提升了农村供水保障水平，增强了群众获得感和幸福感。",
    sustain="建立了县级统管、乡镇监管、村级管护的工程运行管护机制，保障工程长期发挥效益。",
    org_text=(
        "县水利局成立了农村供水保障工程建设领导小组，严格执行项目法人责任制、招标投标制、建设监理制和合同管理制，"
        "加强工程质量和安全监管，各项制度得到有效执行。"
    ),
    org_setup="县水利局成立了农村供水保障工程建设领导小组，明确专人负责项目实施。",
    fin=[s.format(law="《四川省农村供水保障专项资金管理办法》") for s in COMMON_FIN],
    decision="项目立项依据充分、程序规范，经过可行性研究和专家论证，绩效目标明确合理，与预算资金相匹配。",
    process="项目严格按照基本建设程序和专项资金管理制度实施，工程款按合同约定和工程进度拨付，专项资金严格按计划合理使用。",
    output_lead="2023年，我县扎实推进农村供水保障工程建设，取得了较好成效。",
    experience="坚持规划引领、分步实施，实行工程建设“周调度、月通报”制度，及时协调解决工程建设中的困难和问题。",
    problems=(
        "一是部分维修养护工程未按期完成。受汛期影响，12 处分散供水工程维修养护顺延至 2024 年一季度。"
        "二是预算执行率为 {RATE}，截至 {y} 年 12 月 31 日，{B} {u}项目资金共支出 {S} {u}，结转结余 {BAL} {u}，"
        "主要原因是部分工程尚未完成结算审计，质保金未支付。"
    ),
    suggestion="加快剩余维修养护工程实施进度，及时完成工程结算审计并支付结转资金；进一步健全工程长效管护机制。",
    conclusion_lead="绩效目标基本完成，",
    eval_intro="本单位成立了绩效自评工作小组，按照自评指标体系逐项核实打分，形成自评结论。",
    done=(
        "新建改造供水管网43.6公里，更新净化消毒设备12台（套），维修养护分散供水工程138处；"
        "集中供水工程水质达标率93.5%，农村自来水普及率91.6%，受益农村人口3.92万人，受益群众满意度94%。"
    ),
    publish="绩效自评结果将作为以后年度预算安排的重要依据，并按规定在县人民政府门户网站公开。",
    other="无。",
)

HEALTH = dict(
    name="health-clinics-2023",
    year=2023,
    unit="万元",
    money="trim",
    template="mof",
    fund_style="alt",
    fund_caption="基层卫生能力提升项目资金预算执行情况表",
    exec_dev_row=True,
    org="丰川市基层卫生健康服务中心",
    dept="丰川市卫生健康委员会",
    func_code="2100399",
    project="基层医疗卫生服务能力提升项目资金",
    project_short="基层卫生能力提升项目",
    project_table_name="2023年度基层医疗卫生服务能力提升项目",
    summary_title="项目支出绩效自评报告表",
    selfeval_title="项目支出绩效自评表",
    funder="中央、省、市三级财政共",
    bureau="市财政局",
    alloc=[("丰财社〔2023〕12号", "400"), ("丰财社〔2023〕41号", "180"), ("丰财社〔2023〕66号", "156.9")],
    sources=[("中央财政", "400"), ("省财政", "180"), ("市财政", "156.9")],
    source_labels=["中央财政", "省财政", "市财政", "县（区）财政", "单位自筹", "其他"],
    subs=[
        ("城关镇中心卫生院业务用房改造", "86", "86"),
        ("柳树乡卫生院发热门诊建设", "45.5", "45.5"),
        ("石桥镇卫生院DR设备购置", "68", "68"),
        ("龙泉乡卫生院全自动生化分析仪购置", "32.8", "32.8"),
        ("村卫生室标准化建设", "96", "88.64"),
        ("乡村医生能力提升培训", "24.6", "21.35"),
        ("基层医疗机构信息化升级", "120", "73.2"),
        ("远程会诊系统运维", "18", "18"),
        ("家庭医生签约服务补助", "150", "150"),
        ("基层卫生人员定向培养补助", "36", "32.4"),
        ("中医馆建设", "60", "0"),
    ],
    alloc_detail=(
        "从资金来源看，中央财政补助资金 400 万元、省级财政补助资金 180 万元、市级财政配套资金 156.9 万元，"
        "由市卫健委按照项目清单统筹安排到 11 个子项目。市财政局、市卫健委联合下达项目资金分配方案，"
        "明确各子项目资金额度、建设内容和绩效目标，项目单位按照合同约定和实施进度申请拨付，实行专账核算。"
    ),
    spent_detail=(
        "2023年，市卫健委按照“资金跟着项目走”的原则，根据各子项目合同约定和实施进度拨付资金。"
        "乡镇卫生院业务用房改造、发热门诊建设和设备购置项目已完成竣工验收或到货验收，资金全部支付；"
        "村卫生室标准化建设、乡村医生培训和定向培养项目按实际完成量结算；基层医疗机构信息化升级项目按合同进度支付；"
        "中医馆建设项目因选址调整未开工，资金未支出。"
    ),
    exec_dev=(
        "预算执行率83.58%，低于90%：中医馆建设项目因选址调整未开工，60万元未支出；信息化升级项目按合同进度仅支付61%，"
        "46.8万元待验收后支付。改进措施：加快选址论证和项目验收，2024年上半年完成结转资金支付。"
    ),
    l1_weights={"产出": 50, "效益": 30, "满意度": 10},
    l1_labels={"产出": "产出指标 (50分)", "效益": "效益指标 (30分)", "满意度": "满意度指标 (10分)"},
    inds=[
        dict(
            l1="产出",
            l2="数量指标",
            name="完成卫生院业务用房改造",
            kind="eq",
            t=D("1"),
            a=D("1"),
            unit="所",
            weight=D(4),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="建设发热门诊",
            kind="eq",
            t=D("1"),
            a=D("1"),
            unit="个",
            weight=D(4),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="购置DR及生化分析设备",
            kind="eq",
            t=D("2"),
            a=D("2"),
            unit="台",
            weight=D(4),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="标准化村卫生室建设",
            kind="ge",
            t=D("30"),
            a=D("30"),
            unit="个",
            weight=D(4),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="乡村医生培训",
            kind="ge",
            t=D("420"),
            a=D("436"),
            unit="人次",
            weight=D(4),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="中医馆建设",
            kind="eq",
            t=D("3"),
            a=D("0"),
            unit="个",
            weight=D(8),
            dev="受乡镇卫生院整体规划调整影响，3个中医馆选址重新论证，年内未开工，60万元结转下年使用。",
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="已完工项目验收合格率",
            kind="eq",
            t=D("100"),
            a=D("100"),
            unit="%",
            weight=D(8),
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="设备到货验收合格率",
            kind="eq",
            t=D("100"),
            a=D("100"),
            unit="%",
            weight=D(6),
        ),
        dict(
            l1="产出",
            l2="时效指标",
            name="项目按期完成率",
            kind="ge",
            t=D("90"),
            a=D("81.82"),
            unit="%",
            weight=D(4),
            dev="中医馆建设未开工、信息化升级未按期完成，11个子项目按期完成9个。",
        ),
        dict(
            l1="产出",
            l2="成本指标",
            name="村卫生室建设单位成本",
            kind="le",
            t=D("3.2"),
            a=D("2.95"),
            unit="万元/个",
            weight=D(4),
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="基层诊疗人次增长率",
            kind="ge",
            t=D("5"),
            a=D("6.8"),
            unit="%",
            weight=D(8),
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="县域内就诊率",
            kind="ge",
            t=D("85"),
            a=D("83.6"),
            unit="%",
            weight=D(8),
            dev="部分重症患者仍流向市外三级医院，基层专科能力不足；下一步加强医共体建设和远程会诊应用。",
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="家庭医生重点人群签约率",
            kind="ge",
            t=D("75"),
            a=D("76.2"),
            unit="%",
            weight=D(7),
        ),
        dict(
            l1="效益",
            l2="可持续影响指标",
            name="基层医疗服务能力",
            kind="qual",
            target="持续提升",
            actual="效果明显",
            weight=D(7),
        ),
        dict(
            l1="满意度",
            l2="服务对象满意度指标",
            name="患者满意度",
            kind="ge",
            t=D("90"),
            a=D("92.5"),
            unit="%",
            weight=D(10),
        ),
    ],
    leader="刘建国",
    leader_phone="0796-8213456",
    address="丰川市青原大道 299 号",
    postcode="343000",
    period="2023 年 1 月~2023 年 12 月",
    evaluators=[
        ("周海燕", "卫健委副主任", "丰川市卫生健康委员会"),
        ("黄志强", "规划财务科科长", "丰川市卫生健康委员会"),
        ("曾丽华", "高级会计师", "丰川市基层卫生健康服务中心"),
    ],
    signers=["周海燕", "刘建国", "欧阳明"],
    filler="曾丽华",
    phone="0796-8213456",
    report_date="2024 年 4 月",
    sign_date="2024年4月8日",
    intro=(
        "根据《丰川市财政局关于开展2023年度市级项目支出绩效自评工作的通知》（丰财绩〔2024〕2号）要求，"
        "丰川市基层卫生健康服务中心对2023年度基层医疗卫生服务能力提升项目资金开展了绩效自评，现将有关情况报告如下："
    ),
    unit_info=(
        "丰川市基层卫生健康服务中心为市卫生健康委员会所属事业单位，主要承担全市基层医疗卫生机构建设指导、"
        "乡村医生培训、家庭医生签约服务管理和基层卫生信息化建设等工作。"
    ),
    background=(
        "为贯彻落实健康中国战略，推进优质医疗资源扩容下沉，补齐基层医疗卫生服务短板，"
        "根据省、市关于提升基层医疗卫生服务能力的工作部署，我市实施基层医疗卫生服务能力提升项目。"
    ),
    overview_lead="",
    goal_total="加强基层医疗卫生机构基础设施和人才队伍建设，提升基层医疗卫生服务能力，推动形成分级诊疗格局，让群众就近享有公平可及的基本医疗卫生服务。",
    goal_year=(
        "完成1所卫生院业务用房改造和1个发热门诊建设，购置DR及生化分析设备2台，建设标准化村卫生室30个、中医馆3个，"
        "培训乡村医生420人次；项目按期完成率达到90%，县域内就诊率达到85%，患者满意度达到90%以上。"
    ),
    completion=(
        "2023 年度基层卫生能力提升项目 11 个子项目中，9 个子项目已按期实施完成；基层医疗机构信息化升级项目正在实施，"
        "中医馆建设项目因选址调整尚未开工。"
    ),
    achievements=[
        "一是基础设施明显改善。完成城关镇中心卫生院业务用房改造和柳树乡卫生院发热门诊建设，建成标准化村卫生室 30 个，已完工项目验收合格率 100%；",
        "二是装备水平有效提升。购置 DR 及全自动生化分析仪 2 台，设备到货验收合格率 100%；",
        "三是人才队伍不断加强。培训乡村医生 436 人次，定向培养基层卫生人员 18 名；",
        "四是服务能力稳步提高。基层诊疗人次同比增长 6.8%，家庭医生重点人群签约率 76.2%，县域内就诊率 83.6%，患者满意度 92.5%。",
    ],
    econ="基层服务能力提升后，群众就近就医比例提高，减少了外出就医的交通、住宿等费用，减轻了群众医疗负担。",
    social="项目实施改善了基层医疗卫生机构服务条件，提升了基层首诊能力，推动了分级诊疗制度落实，群众看病就医获得感不断增强。",
    sustain="基层医疗卫生服务体系不断完善，服务能力持续提升。",
    org_text=(
        "市卫健委成立了项目实施工作专班，实行项目清单化管理，严格执行政府采购、招标投标、工程监理和合同管理制度，"
        "定期开展项目督导，各项制度得到有效执行。"
    ),
    org_setup="市卫健委成立了项目实施工作专班，明确专人负责项目实施。",
    fin=[s.format(law="《基本公共卫生服务等5项补助资金管理办法》") for s in COMMON_FIN],
    decision="项目立项符合国家和省市政策，申报程序规范，绩效目标明确，预算资金分配依据充分、额度合理。",
    process="项目资金按照项目实施进度和合同约定拨付，工程类项目实行监理和审计，设备类项目实行集中采购，资金使用合规。",
    output_lead="2023年，我市扎实推进基层医疗卫生服务能力提升项目建设，取得了一定成效。",
    experience="坚持问题导向、精准施策，实行项目清单化管理和月调度制度，对进度滞后的项目及时约谈督办。",
    problems=(
        "一是预算执行率偏低。截至 {y} 年 12 月 31 日，{B} {u}项目资金共支出 {S} {u}，结转结余 {BAL} {u}，预算执行率为 {RATE}。"
        "主要原因是中医馆建设项目因选址调整未开工，基层医疗机构信息化升级项目按合同进度仅支付 61%，尚未验收。"
        "二是县域内就诊率未达到目标，基层专科服务能力仍需加强。"
    ),
    suggestion="加快中医馆选址论证和开工建设，及时完成信息化升级项目验收并支付结转资金；加强基层专科能力建设，提高县域内就诊率。",
    conclusion_lead="部分绩效目标未完成，",
    eval_intro="本单位成立了绩效自评工作小组，对照绩效目标逐项核实完成情况并评分，形成自评结论。",
    done=(
        "完成卫生院业务用房改造1所、发热门诊1个，购置设备2台，建成标准化村卫生室30个，培训乡村医生436人次；"
        "中医馆建设未开工；项目按期完成率81.82%，县域内就诊率83.6%，患者满意度92.5%。"
    ),
    publish="绩效自评结果将用于改进项目管理和以后年度预算安排，并在市人民政府门户网站公开。",
    other="无其他需要说明的问题。",
)

REPORTS = [EDU, WATER, HEALTH]


# ---- mutations (each returns its answer-key items) ----------------------------------------------


def item(category, severity, mention, note, accept=None, optional=False):
    it = {"category": category, "severity": severity, "mention": mention}
    if accept:
        it["accept"] = accept
    if optional:
        it["optional"] = True
    it["note"] = note
    return it


def _ind(R, name):
    for i in R["inds"]:
        if i["name"] == name:
            return i
    raise KeyError(name)


def _row(M, name):
    for r in M["fund_rows"]:
        if r["name"] == name:
            return r
    raise KeyError(name)


# edu-nutrition-2023 -------------------------------------------------------------------------


def edu_total_typo(M):
    t = M["fund_total"]
    assert t["spent"] == "1518.81"
    t["spent"] = "1581.81"
    return [
        item(
            "sum",
            "error",
            ["1581.81"],
            "资金表合计行实际支出应为各行之和 1518.81，误为 1581.81",
            accept=["mismatch", "balance", "rate"],
        )
    ]


def edu_row_rate(M):
    r = _row(M, "食堂从业人员劳务补助")
    assert r["rate"] == "93.21%"
    r["rate"] = "93.12%"
    return [
        item("rate", "error", ["93.12"], "食堂从业人员劳务补助执行率 231.62÷248.50=93.21%，表中填 93.12%")
    ]


def edu_score_over_weight(R):
    _ind(R, "学生及家长满意度")["score_override"] = D("10.5")
    return [item("score", "error", ["10.5"], "满意度指标分值 10，得分填 10.5，超过分值（总分随之为 95.9）")]


def edu_copy_number(M):
    replace_in(M, "achievements", "summary", "全县 126 所", "全县 128 所")
    return [
        item(
            "text",
            "warning",
            [["128"]],
            "摘要表绩效目标实现情况称\u201c全县 128 所\u201d学校，正文及自评表为 126 所",
            accept=["mismatch"],
        )
    ]


def edu_placeholder(M):
    M["filler"] = "XX"
    return [item("missing", "warning", [["XX"]], "自评表填表人为占位符\u201cXX\u201d")]


def edu_alloc(M):
    replace_all(M, "桐财教〔2023〕27号文件下达 634.00 万元", "桐财教〔2023〕27号文件下达 643.00 万元")
    return [
        item(
            "sum",
            "error",
            [["643"]],
            "下达文件 1000.00+643.00=1643.00 万元，与预算 1634.00 万元不符（三处同样）",
            accept=["mismatch"],
        )
    ]


def edu_missing_dev(R):
    _ind(R, "食堂设备交付时间")["dev"] = ""
    return [
        item(
            "missing",
            "warning",
            [["食堂设备交付时间", "偏差", "原因"]],
            "时效指标\u201c食堂设备交付时间\u201d部分达成（3.5/5 分），偏差原因分析为空",
        )
    ]


# water-supply-2023 ------------------------------------------------------------------------


def water_balance(M):
    r = _row(M, "农村供水水质检测")
    assert r["balance"] == "38,063.50"
    r["balance"] = "38,603.50"
    return [
        item(
            "balance",
            "error",
            ["38603.50"],
            "农村供水水质检测结转结余应为 236,500.00−198,436.50=38,063.50 元，填 38,603.50",
            accept=["sum"],
        ),
        item(
            "sum",
            "error",
            [["250492.90", "251032.90"]],
            "连带：结转结余列各行之和 251,032.90 元与合计 250,492.90 元不符",
            accept=["balance"],
            optional=True,
        ),
    ]


def water_full_marks(R):
    _ind(R, "维修养护分散供水工程")["score_override"] = D("10")
    return [
        item(
            "score",
            "error",
            [["维修养护分散供水工程", "138"]],
            "维修养护分散供水工程目标 ≥150 处、实际 138 处，应得 9.2 分，却给满分 10 分（总分随之为 99.38）",
        )
    ]


def water_narrative_spent(M):
    replace_in(M, "funds", "summary", "共支出资金 4,062,507.10 元", "共支出资金 4,026,507.10 元")
    return [
        item(
            "mismatch",
            "error",
            ["4026507.10"],
            "摘要表资金投入情况称支出 4,026,507.10 元，资金表及正文为 4,062,507.10 元",
            accept=["text", "balance", "rate"],
        )
    ]


def water_rename(M):
    r = _row(M, "分散供水工程维修养护")
    r["name"] = "分散式供水工程维修"
    return [
        item(
            "text",
            "warning",
            [["分散式供水工程维修"]],
            "资金表子项目名称\u201c分散式供水工程维修\u201d与概况\u201c分散供水工程维修养护\u201d不一致",
            accept=["mismatch"],
        )
    ]


def water_missing_dev(R):
    _ind(R, "农村自来水普及率")["dev"] = ""
    return [
        item(
            "missing",
            "warning",
            [["农村自来水普及率", "91.6", "原因", "偏差"]],
            "农村自来水普及率目标 ≥92%、实际 91.6%，未完成原因分析为空",
        )
    ]


def water_year(M):
    assert M["text"]["title"]["body"].startswith("2023年度")
    M["text"]["title"]["body"] = M["text"]["title"]["body"].replace("2023年度", "2021年度", 1)
    return [
        item(
            "mismatch",
            "warning",
            ["2021"],
            "正文标题误为\u201c2021年度\u201d，报告年度为 2023",
            accept=["text", "logic"],
        )
    ]


def water_count(M):
    replace_all(M, "项目子项目共 5 个", "项目子项目共 6 个")
    return [
        item(
            "mismatch",
            "warning",
            [["6个"]],
            "称\u201c项目子项目共 6 个\u201d，实际列出 5 个（摘要表和正文两处）",
            accept=["logic", "sum", "text"],
        )
    ]


# health-clinics-2023 ------------------------------------------------------------------------


def health_row_not_footed(M):
    r = _row(M, "村卫生室标准化建设")
    assert (r["spent"], r["balance"], r["rate"]) == ("88.64", "7.36", "92.33%")
    r.update(spent="86.84", balance="9.16", rate="90.46%")
    return [
        item(
            "sum",
            "error",
            [["615.89", "613.89"]],
            "执行数列各行之和 613.89 万元，与合计 615.89 万元不符（村卫生室行改为 86.84 而合计未改）",
            accept=["mismatch"],
        ),
        item(
            "sum",
            "error",
            [["121.01", "123.01"]],
            "结余列各行之和 123.01 万元，与合计 121.01 万元不符",
            accept=["mismatch"],
        ),
    ]


def health_met_but_deducted(R):
    _ind(R, "建设发热门诊")["score_override"] = D("3")
    return [
        item(
            "score",
            "warning",
            [["发热门诊"]],
            "建设发热门诊目标 1 个、实际 1 个，已完成却只得 3 分（分值 4）；总分随之为 88.87",
        )
    ]


def health_grade(M):
    assert M["grade"] == "良" and M["total"] == "88.87"
    replace_in(M, "conclusion", "summary", "等级：良", "等级：优")
    replace_in(M, "conclusion", "body", "等级为“良”", "等级为“优”")
    return [item("grade", "error", ["优"], "总分 88.87 属良档（80（含）—90），却评为\u201c优\u201d")]


def health_dropped_clause(M):
    replace_in(M, "problems", "summary", "，基层医疗机构信息化升级项目按合同进度仅支付 61%，尚未验收", "")
    return [
        item(
            "text",
            "warning",
            [["信息化升级", "仅支付"]],
            "摘要表存在问题一段脱漏\u201c基层医疗机构信息化升级项目按合同进度仅支付 61%，尚未验收\u201d分句，正文有",
        )
    ]


def health_all_done(M):
    new = "2023 年度基层卫生能力提升项目 11 个子项目均已顺利实施完成，新建项目已验收合格，设备已投入使用。"
    for loc in M["text"]["completion"]:
        M["text"]["completion"][loc] = new
    return [
        item(
            "logic",
            "warning",
            [["均已"]],
            "称 11 个子项目均已完成，但中医馆建设支出为 0、中医馆建设实际 0 个",
        )
    ]


def health_missing_exec_dev(R):
    R["exec_dev"] = ""
    return [
        item(
            "missing",
            "warning",
            [["83.58", "偏差", "原因", "执行率"]],
            "预算执行率 83.58% 低于 90%，自评表资金执行偏差原因分析为空",
        )
    ]


def health_placeholder(M):
    for i in M["inds"]:
        if i["name"] == "乡村医生培训":
            assert i["target"] == "≥420人次"
            i["target"] = "≥**人次"
    return [item("missing", "warning", [["**"]], "乡村医生培训年度指标值为模板占位\u201c≥**人次\u201d")]


MUTANTS = {  # clean name -> mutation functions, each ("pre" on the data | "post" on the derived model)
    "edu-nutrition-2023": [
        ("post", edu_total_typo),
        ("post", edu_row_rate),
        ("pre", edu_score_over_weight),
        ("post", edu_copy_number),
        ("post", edu_placeholder),
        ("post", edu_alloc),
        ("pre", edu_missing_dev),
    ],
    "water-supply-2023": [
        ("post", water_balance),
        ("pre", water_full_marks),
        ("post", water_narrative_spent),
        ("post", water_rename),
        ("pre", water_missing_dev),
        ("post", water_year),
        ("post", water_count),
    ],
    "health-clinics-2023": [
        ("post", health_row_not_footed),
        ("pre", health_met_but_deducted),
        ("post", health_grade),
        ("post", health_dropped_clause),
        ("post", health_all_done),
        ("pre", health_missing_exec_dev),
        ("post", health_placeholder),
    ],
}

DESCRIBE = {
    "edu-nutrition-2023": "桐溪县学生资助管理中心（县教育局）/ 农村义务教育学生营养改善计划; 万元 (2 位小数); "
    "财政部式自评表 50/30/10+10, 14 条三级指标（跨页）; 4 个子项目",
    "water-supply-2023": "崇山县农村供水服务中心（县水利局，四川）/ 农村供水保障工程; 元 (千分位, 2 位小数); "
    "四川式自评表（年初预算数/调整后预算数/预算执行数/预算执行率/权重/得分，财政资金/其他资金）60/30+10; 5 个子项目",
    "health-clinics-2023": "丰川市基层卫生健康服务中心（市卫健委）/ 基层医疗卫生服务能力提升; 万元 (去尾零); "
    "财政部式自评表 50/30/10+10, 15 条三级指标（跨页）, 资金表列为 序号/项目名称/预算数/执行数/执行率/结余（无到位列, 11 行跨页, 表头重复）; 11 个子项目",
}

CLEAN_NOTES = {
    "edu-nutrition-2023": "clean; honest shortfall: 执行率 92.95%, 设备购置 40%, 两项指标未完成并按比例得分、偏差原因已填; 95.4 优",
    "water-supply-2023": "clean; two missed targets scored proportionally with reasons; 执行率 94.19%; 98.58 优",
    "health-clinics-2023": "clean; 执行率 83.58% (<90%) explained in the 自评表; 中医馆 spent 0 and stated as not started; "
    "三项指标未完成按比例得分; 89.87 良",
}


def build_mutant(R, muts):
    R2 = copy.deepcopy(R)
    items = []
    for kind, fn in muts:
        if kind == "pre":
            items += fn(R2)
    M = derive(R2, clean=False)
    for kind, fn in muts:
        if kind == "post":
            items += fn(M)
    return M, items


def synthetic_samples():
    out = []
    for R in REPORTS:
        name = R["name"]
        M = derive(R, clean=True)
        out.append(
            Sample(
                name,
                report_blocks(M),
                {
                    "file_stem": name,
                    "clean": True,
                    "base": None,
                    "kind": "clean",
                    "note": f"{R['org']} {R['year']}年度{R['project']}支出绩效自评报告（合成，干净版本）",
                    "expected": [],
                },
                f"{DESCRIBE[name]}; {CLEAN_NOTES[name]}",
            )
        )
        Mm, items = build_mutant(R, MUTANTS[name])
        mname = f"{name}-faults"
        faults = "; ".join(
            f"[{i['category']}] {i['note']}" + (" (optional)" if i.get("optional") else "") for i in items
        )
        out.append(
            Sample(
                mname,
                report_blocks(Mm),
                {
                    "file_stem": mname,
                    "clean": False,
                    "base": name,
                    "kind": "mutant",
                    "note": f"由 {name} 经 {len(MUTANTS[name])} 个变异函数生成",
                    "expected": items,
                },
                f"mutant of {name}; faults: {faults}",
            )
        )
    return out


# ----------------------------------------------------------------------------------------------
# D. Three more templates, each with its own data, derivation and layout:
#    部门整体支出 (决策/过程/产出/效益 10/25/30/35, 万元 with 2–4 decimals, 按收入性质 / 按支出性质),
#    转移支付 (衔接资金, A–E columns, 元 with separators, old 20/80 自评表, 优/良/较差/差),
#    a small 四川-style project (调整后预算数, 权重, 满意度 20, a reverse target).
#    Same conventions as C: derive_*() computes every printed string with exact Decimal arithmetic;
#    mutations ("pre" on the data, "post" on the derived model) return their answer-key items.
# ----------------------------------------------------------------------------------------------

Q4 = D("0.0001")


def wan(x) -> str:
    """万元 as many 部门 reports print them: 2 decimals, or 4 where the figure has them (207.4538)."""
    x = D(x)
    if x == x.quantize(Q2):
        return f"{x:.2f}"
    assert x == x.quantize(Q4), x
    return f"{x:.4f}"


def yuan(x) -> str:
    return f"{D(x):,.2f}"


def rate_np(s, b) -> str:
    """Execution rate printed without the % sign (the column header says 执行率（%）)."""
    return f"{q2(D(s) / D(b) * 100):.2f}" if D(b) else "0.00"


def _copies(T, key, text, *locs):
    T[key] = {loc: text for loc in locs}


def _score_inds(R, clean, actual_override=None):
    """Printed indicator rows and their exact scores (ind_score rules; "score" fixes a banded 定性 score)."""
    out = []
    for ind in R["inds"]:
        ind = dict(ind)
        if actual_override and ind["name"] in actual_override:
            ind["a"] = actual_override[ind["name"]]
        if ind["kind"] == "qual" and "score" in ind:
            sc = D(ind["score"])
        else:
            sc = ind_score(ind)
        if clean:
            assert sc <= ind["weight"], ind["name"]
            if sc < ind["weight"]:
                assert ind.get("dev"), ("missed target needs a deviation reason", ind["name"])
        sc = D(ind.get("score_override", sc))
        t, a = ind_strings(ind)
        out.append(
            {
                "l1": ind["l1"],
                "l2": ind["l2"],
                "name": ind["name"],
                "target": t,
                "actual": a,
                "weight": trim(ind["weight"]),
                "score": trim(sc),
                "score_dec": sc,
                "dev": ind.get("dev", ""),
            }
        )
    return out


def _l1_l2_cells(inds, i, ind, l1_label, l2_cs=1):
    row = []
    if i == 0 or inds[i - 1]["l1"] != ind["l1"]:
        n = sum(1 for x in inds if x["l1"] == ind["l1"])
        row.append(C(l1_label[ind["l1"]], rs=n))
    if i == 0 or inds[i - 1]["l2"] != ind["l2"] or inds[i - 1]["l1"] != ind["l1"]:
        n = 0
        for x in inds[i:]:
            if x["l1"] == ind["l1"] and x["l2"] == ind["l2"]:
                n += 1
            else:
                break
        row.append(C(ind["l2"], rs=n, cs=l2_cs))
    return row


# ---- D1. 部门整体支出绩效自评报告 (梅岭县农业农村局, 2023) -----------------------------------------


def band_dept(total: Decimal) -> str:
    if total >= 90:
        return "优秀"
    if total >= 80:
        return "良好"
    if total >= 60:
        return "中"
    return "差"


DEPT_BAND_NOTE = "90分（含）以上为优秀，80分（含）至90分为良好，60分（含）至80分为中，60分以下为差"

DEPT = dict(
    name="dept-overall-2023",
    year=2023,
    org="梅岭县农业农村局",
    dept_code="315001",
    leader="刘卫东",
    contact="彭小兰",
    phone="0734-5512036",
    report_date="2024年4月",
    sign_date="2024年4月12日",
    notice="《梅岭县财政局关于开展2023年度部门整体支出绩效自评工作的通知》（梅财绩〔2024〕6号）",
    income_other=[("事业收入", "18.60", "18.60"), ("其他收入", "12.3040", "12.3040")],
    basic=[  # (name, 年初预算, 全年预算, 实际支出)
        ("人员经费", "1050.00", "1086.3527", "1086.3527"),
        ("公用经费", "138.00", "142.80", "137.9248"),
    ],
    projects=[  # (name, 年初预算, 上年结转, 年中追加, 实际支出)
        ("高标准农田建设县级配套资金", "600.00", "0", "375.00", "812.6350"),
        ("耕地地力保护与化肥减量增效", "120.00", "35.4538", "52.00", "198.3216"),
        ("重大动物疫病防控", "86.50", "0", "0", "86.50"),
        ("农产品质量安全监管", "45.00", "0", "8.60", "51.2745"),
        ("农村人居环境整治示范村建设", "120.00", "47.20", "0", "0"),
        ("农业技术推广与产业发展", "150.00", "12.3674", "30.00", "180.4419"),
    ],
    l1_labels={
        "决策": "决策指标（10分）",
        "过程": "过程指标（25分）",
        "产出": "产出指标（30分）",
        "效益": "效益指标（35分）",
    },
    l1_weights={"决策": 10, "过程": 25, "产出": 30, "效益": 35},
    inds=[
        dict(
            l1="决策",
            l2="目标设定",
            name="绩效目标合理性",
            kind="qual",
            target="合理",
            actual="基本合理",
            weight=D(3),
            score="2.1",
            dev="部分项目绩效目标与年度重点任务衔接不够紧密；2024年编制预算时按职能逐项细化目标。",
        ),
        dict(
            l1="决策",
            l2="目标设定",
            name="绩效指标明确性",
            kind="qual",
            target="明确",
            actual="部分指标未量化",
            weight=D(3),
            score="2.1",
            dev="效益指标中定性指标偏多，部分指标未细化量化；下年度增设可量化的效益指标。",
        ),
        dict(
            l1="决策",
            l2="预算配置",
            name="在职人员控制率",
            kind="le",
            t=D("100"),
            a=D("93.75"),
            unit="%",
            weight=D(2),
        ),
        dict(
            l1="决策",
            l2="预算配置",
            name="“三公经费”变动率",
            kind="le",
            t=D("0"),
            a=D("-6.32"),
            unit="%",
            weight=D(2),
        ),
        dict(l1="过程", l2="预算执行", name="预算执行率", kind="exec", weight=D(5)),
        dict(l1="过程", l2="预算执行", name="结转结余率", kind="derived_le", t=D("5"), unit="%", weight=D(2)),
        dict(
            l1="过程",
            l2="预算执行",
            name="公用经费控制率",
            kind="derived_le",
            t=D("100"),
            unit="%",
            weight=D(2),
        ),
        dict(
            l1="过程",
            l2="预算执行",
            name="“三公经费”控制率",
            kind="le",
            t=D("100"),
            a=D("87.40"),
            unit="%",
            weight=D(2),
        ),
        dict(
            l1="过程",
            l2="预算执行",
            name="政府采购执行率",
            kind="eq",
            t=D("100"),
            a=D("100"),
            unit="%",
            weight=D(2),
        ),
        dict(
            l1="过程",
            l2="预算管理",
            name="管理制度健全性",
            kind="qual",
            target="健全",
            actual="健全",
            weight=D(3),
        ),
        dict(
            l1="过程",
            l2="预算管理",
            name="资金使用合规性",
            kind="qual",
            target="合规",
            actual="基本合规",
            weight=D(3),
            score="2",
            dev="县审计局抽查发现2笔差旅费报销附件不全，已补齐；今后加强报账审核。",
        ),
        dict(
            l1="过程",
            l2="预算管理",
            name="预决算信息公开性",
            kind="qual",
            target="按规定公开",
            actual="已公开，决算公开滞后5天",
            weight=D(2),
            score="1",
            dev="2022年度部门决算公开晚于规定时限5天；已明确专人负责，按时限公开。",
        ),
        dict(
            l1="过程",
            l2="预算管理",
            name="基础信息完善性",
            kind="qual",
            target="完善",
            actual="不够完善",
            weight=D(2),
            score="1.2",
            dev="部分项目基础资料归档不及时；已建立项目资料按月归档制度。",
        ),
        dict(
            l1="过程",
            l2="资产管理",
            name="资产管理安全性",
            kind="qual",
            target="安全",
            actual="安全",
            weight=D(2),
        ),
        dict(
            l1="产出",
            l2="产出数量",
            name="新建高标准农田",
            kind="ge",
            t=D("2.5"),
            a=D("2.0"),
            unit="万亩",
            weight=D(6),
            dev="年中追加资金11月下达，0.5万亩于2024年春耕前完工；今后提前做好项目储备和前期工作。",
        ),
        dict(
            l1="产出",
            l2="产出数量",
            name="粮食播种面积",
            kind="ge",
            t=D("52"),
            a=D("52.6"),
            unit="万亩",
            weight=D(6),
        ),
        dict(
            l1="产出",
            l2="产出质量",
            name="农产品质量安全例行监测合格率",
            kind="ge",
            t=D("98"),
            a=D("99.1"),
            unit="%",
            weight=D(6),
        ),
        dict(
            l1="产出",
            l2="产出时效",
            name="项目按期实施率",
            kind="ge",
            t=D("100"),
            a=D("83.33"),
            unit="%",
            target="100%",
            weight=D(6),
            dev="6个项目中农村人居环境整治示范村建设项目因布局调整未按期开工；2024年上半年开工建设。",
        ),
        dict(
            l1="产出",
            l2="产出成本",
            name="高标准农田亩均财政投入",
            kind="le",
            t=D("1500"),
            a=D("1462"),
            unit="元",
            weight=D(6),
        ),
        dict(
            l1="效益",
            l2="经济效益",
            name="粮食总产量",
            kind="ge",
            t=D("20.5"),
            a=D("20.1"),
            unit="万吨",
            weight=D(7),
            dev="7—8月持续高温干旱导致中稻减产；加快抗旱水源工程和高标准农田建设。",
        ),
        dict(
            l1="效益",
            l2="经济效益",
            name="农村居民人均可支配收入增长率",
            kind="ge",
            t=D("7"),
            a=D("6.2"),
            unit="%",
            weight=D(7),
            dev="生猪价格下行、干旱减产影响农民经营性收入；加快发展特色产业，拓宽增收渠道。",
        ),
        dict(
            l1="效益",
            l2="社会效益",
            name="守住不发生规模性返贫底线",
            kind="qual",
            target="不发生",
            actual="未发生",
            weight=D(5),
        ),
        dict(
            l1="效益",
            l2="生态效益",
            name="畜禽粪污综合利用率",
            kind="ge",
            t=D("80"),
            a=D("78.6"),
            unit="%",
            weight=D(5),
            dev="部分散养户粪污处理设施配套不足；2024年推广整县粪污资源化利用模式。",
        ),
        dict(
            l1="效益",
            l2="可持续影响",
            name="农业社会化服务体系",
            kind="qual",
            target="健全",
            actual="逐步健全",
            weight=D(5),
            score="3.5",
            dev="乡镇农业综合服务站服务能力不均衡；加强基层农技人员培训。",
        ),
        dict(
            l1="效益",
            l2="满意度",
            name="服务对象满意度",
            kind="ge",
            t=D("95"),
            a=D("88.5"),
            unit="%",
            weight=D(6),
            dev="部分农户对补贴发放进度和农技服务频次不满意；优化补贴发放流程，增加下乡服务次数。",
        ),
    ],
    exec_dev=(
        "执行率{RATE}%，低于90%：农村人居环境整治示范村建设项目因布局调整未开工，{V5}万元未支出；"
        "高标准农田建设年中追加资金11月下达，部分工程款待竣工结算后支付。改进措施：加快项目实施和结算，2024年上半年完成结转资金支付。"
    ),
    balance_dev="结转结余率{BR}%，高于5%，主要为示范村建设和高标准农田建设未支付资金；2024年上半年加快支付。",
    functions=(
        "梅岭县农业农村局是县人民政府工作部门，主要职责是：贯彻落实党中央和省委、市委、县委关于“三农”工作的方针政策和决策部署；"
        "统筹研究和组织实施全县“三农”工作发展规划；负责种植业、畜牧业、渔业、农业机械化等农业各产业的监督管理；"
        "负责农产品质量安全监督管理；负责农田建设、耕地质量和农业资源环境保护工作；负责巩固拓展脱贫攻坚成果同乡村振兴有效衔接相关工作。"
    ),
    staffing=(
        "本局内设办公室、计划财务股、乡村产业发展股、农田建设管理股、种植业管理股、畜牧兽医股、农产品质量安全监管股等11个股室，"
        "下属县农业技术推广中心、县畜牧水产事务中心、县农机事务中心、县农村经营服务站4个二级机构，本次自评范围为局机关及4个二级机构。"
        "年末核定编制48名，实有在职人员45人，退休人员31人。"
    ),
    goal=(
        "2023年度部门整体支出绩效目标：一是稳定粮食生产，全县粮食播种面积稳定在52万亩以上、总产量达到20.5万吨；"
        "二是新建高标准农田2.5万亩，落实耕地地力保护补贴和化肥减量增效措施；三是做好重大动物疫病防控和畜禽粪污资源化利用，"
        "畜禽粪污综合利用率达到80%以上；四是加强农产品质量安全监管，例行监测合格率稳定在98%以上；"
        "五是推进农村人居环境整治示范村建设和农业技术推广，农村居民人均可支配收入增长7%以上，守住不发生规模性返贫底线，"
        "服务对象满意度达到95%以上。"
    ),
    goal_table=(
        "粮食播种面积≥52万亩、总产量≥20.5万吨；新建高标准农田2.5万亩；畜禽粪污综合利用率≥80%；"
        "农产品质量安全例行监测合格率≥98%；农村居民人均可支配收入增长≥7%；不发生规模性返贫；服务对象满意度≥95%。"
    ),
    completion=(
        "全年安排的6个项目中，5个项目已按计划实施，农村人居环境整治示范村建设项目因示范村布局调整，"
        "2023年12月方完成招标，年内未开工，资金结转2024年使用。"
    ),
    done_table=(
        "粮食播种面积52.6万亩、总产量20.1万吨；新建高标准农田2.0万亩；畜禽粪污综合利用率78.6%；例行监测合格率99.1%；"
        "农村居民人均可支配收入增长6.2%；未发生规模性返贫；服务对象满意度88.5%。"
    ),
    outputs=(
        "全县粮食播种面积52.6万亩，新建高标准农田2.0万亩（年度目标2.5万亩，其余0.5万亩于2024年春耕前完工），"
        "高标准农田亩均财政投入1462元；全年开展农产品质量安全例行监测2860批次，合格率99.1%；"
        "完成春秋两季重大动物疫病集中免疫，未发生区域性重大动物疫情。"
    ),
    benefits=(
        "受7—8月持续高温干旱影响，全县粮食总产量20.1万吨，未达到20.5万吨的年度目标；农村居民人均可支配收入增长6.2%；"
        "全年未发生规模性返贫；畜禽粪污综合利用率78.6%；通过问卷调查，服务对象满意度88.5%。"
    ),
    management=[
        "（一）预算管理。严格执行《中华人民共和国预算法》和县级预算管理有关规定，年初预算按照“基本支出保运转、项目支出保重点”的原则编制，"
        "年中追加和调整按程序报批。",
        "（二）财务管理。建立健全了财务管理、内部控制、政府采购、资产管理等制度，实行局财务统一核算，重大支出经党组会议集体研究。",
        "（三）资产管理。资产配置、使用和处置按规定审批，年末开展资产清查，账实相符，资产管理安全。",
        "（四）“三公”经费管理。严控“三公”经费支出，全年“三公”经费支出较上年下降6.32%。",
    ],
    decision=(
        "部门整体支出绩效目标依据部门职能和县委、县政府年度重点工作设定，预算编制符合规定程序。但部分项目绩效目标与年度重点任务衔接不够紧密，"
        "效益指标中定性指标偏多，部分指标未细化量化。在职人员控制率93.75%，“三公”经费较上年下降6.32%。"
    ),
    process_extra=(
        "公用经费控制率{PUB}%，“三公”经费控制率87.40%，政府采购执行率100%。县审计局抽查发现2笔差旅费报销附件不全，已整改到位；"
        "2022年度部门决算公开晚于规定时限5天。"
    ),
    problems_tail=(
        "二是部分绩效目标未完成。新建高标准农田、粮食总产量、畜禽粪污综合利用率、农村居民人均可支配收入增长率、"
        "服务对象满意度等指标未达到年度目标。三是绩效目标设置不够精准，部分指标未细化量化。"
    ),
    measures=(
        "一是加快项目实施进度，督促示范村建设项目2024年上半年开工，及时完成高标准农田工程结算，提高预算执行率；"
        "二是提前做好项目储备和前期工作，避免资金下达后项目无法实施；三是提高绩效目标编制质量，细化量化绩效指标；"
        "四是加强预算执行监控，对执行进度滞后的项目及时预警。"
    ),
    publish="自评结果将作为2025年部门预算编制和项目安排的重要依据，并按要求在梅岭县人民政府门户网站公开。",
)


def derive_dept(R, clean=True):
    M = {"R": R}
    prows = []
    t = {k: D(0) for k in ("p0", "carry", "add", "full", "spent")}
    for i, (name, p0, carry, add, spent) in enumerate(R["projects"]):
        p0, carry, add, spent = D(p0), D(carry), D(add), D(spent)
        full = p0 + carry + add
        for k, v in zip(("p0", "carry", "add", "full", "spent"), (p0, carry, add, full, spent), strict=True):
            t[k] += v
        prows.append(
            {
                "no": str(i + 1),
                "name": name,
                "p0": wan(p0),
                "carry": wan(carry),
                "add": wan(add),
                "full": wan(full),
                "spent": wan(spent),
                "bal": wan(full - spent),
                "rate": rate_np(spent, full),
                "_full": full,
                "_spent": spent,
            }
        )
    M["proj_rows"] = prows
    M["proj_total"] = {
        "no": "",
        "name": "合计",
        "p0": wan(t["p0"]),
        "carry": wan(t["carry"]),
        "add": wan(t["add"]),
        "full": wan(t["full"]),
        "spent": wan(t["spent"]),
        "bal": wan(t["full"] - t["spent"]),
        "rate": rate_np(t["spent"], t["full"]),
    }
    # 支出（按支出性质）
    erows = []
    e0 = ef = es = D(0)
    for name, p0, full, spent in R["basic"]:
        p0, full, spent = D(p0), D(full), D(spent)
        e0, ef, es = e0 + p0, ef + full, es + spent
        erows.append(
            {
                "name": name,
                "p0": wan(p0),
                "full": wan(full),
                "spent": wan(spent),
                "bal": wan(full - spent),
                "rate": rate_np(spent, full),
            }
        )
    basic0, basicf, basics = e0, ef, es
    erows.append(
        {
            "name": "项目支出",
            "p0": wan(t["p0"]),
            "full": wan(t["full"]),
            "spent": wan(t["spent"]),
            "bal": wan(t["full"] - t["spent"]),
            "rate": rate_np(t["spent"], t["full"]),
        }
    )
    T0, TF, TS = e0 + t["p0"], ef + t["full"], es + t["spent"]
    M["exp_rows"] = erows
    M["exp_total"] = {
        "name": "合计",
        "p0": wan(T0),
        "full": wan(TF),
        "spent": wan(TS),
        "bal": wan(TF - TS),
        "rate": rate_np(TS, TF),
    }
    # 收入（按收入性质）: 财政拨款 is the remainder, so both breakdowns give one total
    oth0 = sum(D(a) for _, a, _ in R["income_other"])
    othf = sum(D(b) for _, _, b in R["income_other"])
    fin0, finf = T0 - oth0, TF - othf - t["carry"]
    irows = [{"name": "财政拨款收入", "p0": wan(fin0), "full": wan(finf)}]
    irows += [{"name": n, "p0": wan(a), "full": wan(b)} for n, a, b in R["income_other"]]
    irows.append({"name": "上年结转", "p0": "—", "full": wan(t["carry"])})
    M["inc_rows"] = irows
    M["inc_total"] = {"name": "合计", "p0": wan(T0), "full": wan(TF)}
    RATE = rate_np(TS, TF)
    BR = rate_np(TF - TS, TF)
    PUB_F, PUB_S = D(R["basic"][1][2]), D(R["basic"][1][3])
    PUB = rate_np(PUB_S, PUB_F)
    F = {
        "T0": wan(T0),
        "TF": wan(TF),
        "TS": wan(TS),
        "BAL": wan(TF - TS),
        "RATE": RATE,
        "BR": BR,
        "PUB": PUB,
        "FIN0": wan(fin0),
        "FINF": wan(finf),
        "CARRY": wan(t["carry"]),
        "ADD": wan(t["add"]),
        "BASIC0": wan(basic0),
        "BASICF": wan(basicf),
        "BASICS": wan(basics),
        "PF": wan(t["full"]),
        "PS": wan(t["spent"]),
        "P0": wan(t["p0"]),
        "PBAL": wan(t["full"] - t["spent"]),
        "PRATE": rate_np(t["spent"], t["full"]),
        "NPROJ": str(len(prows)),
        "INC_ADJ": wan(TF - T0),
        "BASIC_ADD": wan(basicf - basic0),
        "ALL_ADD": wan(TF - T0 - t["carry"]),
        "V5": wan(prows[4]["_full"] - prows[4]["_spent"]),
    }
    M["F"] = F
    # scores
    exec_score = q2(D(5) * TS / TF)
    assert exec_score == q2(D(5) * D(RATE) / 100), "ambiguous execution score rounding"
    override = {"结转结余率": D(BR), "公用经费控制率": D(PUB)}
    R2 = dict(R)
    R2["inds"] = []
    for ind in R["inds"]:
        ind = dict(ind)
        if ind["kind"] == "exec":
            ind.update(
                kind="qual",
                target="100%",
                actual=f"{RATE}%",
                score=str(R.get("exec_score_override", exec_score)),
                dev=R["exec_dev"].format(**F),
            )
        elif ind["kind"] == "derived_le":
            ind["kind"] = "le"
            if ind["name"] == "结转结余率":
                ind["dev"] = R["balance_dev"].format(**F)
        R2["inds"].append(ind)
    inds = _score_inds(R2, clean, override)
    if clean:
        for ind in R2["inds"]:  # the derived reverse indicators: exact and printed ratios give one score
            if ind["name"] in override and ind_score(dict(ind, a=override[ind["name"]])) < ind["weight"]:
                assert ind.get("dev")
        assert sum(D(x["weight"]) for x in inds) == 100
        for l1, w in R["l1_weights"].items():
            assert sum(D(x["weight"]) for x in inds if x["l1"] == l1) == w
        if D(RATE) < 90:
            assert R["exec_dev"]
    M["inds"] = inds
    sub = {l1: sum((x["score_dec"] for x in inds if x["l1"] == l1), D(0)) for l1 in R["l1_weights"]}
    total = sum(sub.values(), D(0))
    M["sub"] = {k: trim(v) for k, v in sub.items()}
    M["total"] = trim(total)
    M["grade"] = band_dept(total)
    # texts (a passage with several copies keeps one entry per location)
    names = "、".join(p[0] for p in R["projects"])
    T = {}
    y = R["year"]
    funds = (
        f"{y}年度部门全年预算{F['TF']}万元，实际支出{F['TS']}万元，结余{F['BAL']}万元，预算执行率{F['RATE']}%"
    )
    T["funds"] = {"exp": funds, "process": funds, "problems": funds}
    _copies(T, "completion", R["completion"], "body", "table")
    T["income"] = {
        "body": (
            f"{y}年度部门收入全年预算合计{F['TF']}万元，其中：财政拨款收入{F['FINF']}万元，"
            + "，".join(f"{n}{wan(b)}万元" for n, _, b in R["income_other"])
            + f"，上年结转{F['CARRY']}万元。全年预算较年初预算{F['T0']}万元增加{F['INC_ADJ']}万元，"
            f"其中上年结转{F['CARRY']}万元、年中追加{F['ALL_ADD']}万元。收入构成见表1。"
        )
    }
    T["expense"] = {
        "body": (
            f"{funds}。其中：基本支出全年预算{F['BASICF']}万元，实际支出{F['BASICS']}万元"
            f"（人员经费{wan(R['basic'][0][3])}万元、公用经费{wan(R['basic'][1][3])}万元）；"
            f"项目支出全年预算{F['PF']}万元，实际支出{F['PS']}万元，执行率{F['PRATE']}%。支出构成见表2。"
        )
    }
    T["projects"] = {
        "body": (
            f"{y}年度共安排项目支出{F['NPROJ']}个，分别为：{names}。项目年初预算{F['P0']}万元，上年结转{F['CARRY']}万元，"
            f"年中追加{F['ADD']}万元，全年预算{F['PF']}万元，实际支出{F['PS']}万元，结余{F['PBAL']}万元，执行率{F['PRATE']}%。"
            "各项目执行情况见表3。"
        )
    }
    p1, p5 = prows[0], prows[4]
    T["proj_notes"] = {
        "body": (
            f"{p1['name']}执行率{p1['rate']}%，主要是年中追加的375万元于11月下达，部分工程款待竣工结算后支付；"
            f"{p5['name']}因示范村布局调整，2023年12月方完成招标，年内未支出，{p5['bal']}万元结转2024年使用；"
            "其余项目执行率均在90%以上。"
        )
    }
    T["conclusion"] = {
        "body": (
            f"根据部门整体支出绩效评价指标体系，经自评，我局{y}年度部门整体支出绩效综合得分{M['total']}分，"
            f"评价等级为“{M['grade']}”。其中：决策指标{M['sub']['决策']}分，过程指标{M['sub']['过程']}分，"
            f"产出指标{M['sub']['产出']}分，效益指标{M['sub']['效益']}分。"
        ),
        "table": M["grade"],
    }
    T["problems"] = {
        "body": (
            f"一是预算执行率偏低。{funds}，主要原因是农村人居环境整治示范村建设项目未开工、高标准农田建设年中追加资金下达较晚。"
            + R["problems_tail"]
        )
    }
    T["process"] = {"body": f"{funds}。" + R["process_extra"].format(**F)}
    T["unit_name"] = {"cover": R["org"], "body": R["org"], "table": R["org"], "sign": R["org"]}
    M["text"] = T
    M["sign_date"] = R["sign_date"]
    return M


def _t(rows, total, keys):
    out = []
    for r in rows + [total]:
        out.append(
            [
                C(r[k], align="left" if (k == "name" and r is not total) else "center", indent=False)
                for k in keys
            ]
        )
    return out


def dept_blocks(M):
    R, T, y = M["R"], M["text"], M["R"]["year"]
    H1, H2, P = (lambda s: Para(s, "h1")), (lambda s: Para(s, "h2")), (lambda s: Para(s, "body"))
    b = [
        Para("2", "cover-gap"),
        Para(T["unit_name"]["cover"], "cover-title"),
        Para(f"{y}年度部门整体支出", "cover-title"),
        Para("绩效自评报告", "cover-title"),
        Para("5", "cover-gap"),
    ]
    for line in (
        f"部门（单位）名称：{T['unit_name']['cover']}",
        f"部门编码：{R['dept_code']}",
        "评价类型：部门整体支出绩效自评",
        "评价组织：局绩效自评工作领导小组",
        f"联 系 人：{R['contact']}    联系电话：{R['phone']}",
        f"报告日期：{R['report_date']}",
    ):
        b.append(Para(line, "cover"))
    b.append(PageBreak())
    b += [
        Para(f"{T['unit_name']['body']}{y}年度", "title"),
        Para("部门整体支出绩效自评报告", "title"),
        P(
            f"根据{R['notice']}要求，我局成立了以局长为组长的绩效自评工作领导小组，对照部门整体支出绩效评价指标体系，"
            f"对{y}年度部门整体支出开展了绩效自评。现将自评情况报告如下："
        ),
        H1("一、部门（单位）基本情况"),
        H2("（一）主要职能"),
        P(R["functions"]),
        H2("（二）机构设置及人员情况"),
        P(R["staffing"]),
        H2("（三）部门整体支出绩效目标"),
        P(R["goal"]),
        H1("二、部门整体收支情况"),
        H2("（一）收入情况"),
        P(T["income"]["body"]),
        Para(f"表1  {y}年度部门收入情况表（按收入性质）", "caption"),
        Para("单位：万元", "unit"),
        Table(
            [5.6, 5.0, 5.0],
            [[C(h, bold=True) for h in ("收入项目", "年初预算数", "全年预算数")]]
            + _t(M["inc_rows"], M["inc_total"], ("name", "p0", "full")),
            size=11,
        ),
        H2("（二）支出情况"),
        P(T["expense"]["body"]),
        Para(f"表2  {y}年度部门支出情况表（按支出性质）", "caption"),
        Para("单位：万元", "unit"),
        Table(
            [3.0, 2.55, 2.55, 2.55, 2.45, 2.5],
            [
                [
                    C(h, bold=True)
                    for h in ("支出项目", "年初预算数", "全年预算数", "实际支出数", "结余", "执行率（%）")
                ]
            ]
            + _t(M["exp_rows"], M["exp_total"], ("name", "p0", "full", "spent", "bal", "rate")),
            size=10.5,
        ),
        P(T["projects"]["body"]),
        Para(f"表3  {y}年度项目支出情况表", "caption"),
        Para("单位：万元", "unit"),
    ]
    hdr = [
        "序号",
        "项目名称",
        "年初预算",
        "上年结转",
        "年中追加",
        "全年预算",
        "实际支出",
        "结余",
        "执行率（%）",
    ]
    rows = [[C(h, bold=True) for h in hdr]]
    for r in M["proj_rows"] + [M["proj_total"]]:
        tot = r is M["proj_total"]
        cells = [C(r["no"]), C(r["name"], align="center" if tot else "left", indent=False)]
        cells += [C(r[k]) for k in ("p0", "carry", "add", "full", "spent", "bal", "rate")]
        if tot:
            cells[0:2] = [C("合计", cs=2)]
        rows.append(cells)
    b.append(Table([0.7, 3.15, 1.5, 1.5, 1.5, 1.8, 1.8, 1.75, 1.9], rows, size=9, header_rows=1))
    b.append(P(T["proj_notes"]["body"]))
    b += [H1("三、部门整体支出管理情况")] + [P(x) for x in R["management"]]
    b += [
        H1("四、部门整体支出绩效情况"),
        H2("（一）决策情况"),
        P(R["decision"]),
        H2("（二）过程情况"),
        P(T["process"]["body"]),
        H2("（三）产出情况"),
        P(T["completion"]["body"] + R["outputs"]),
        H2("（四）效益情况"),
        P(R["benefits"]),
        H1("五、自评结论"),
        P(T["conclusion"]["body"]),
        P(f"（评价等级划分：{DEPT_BAND_NOTE}。）"),
        H1("六、存在的问题及原因"),
        P(T["problems"]["body"]),
        H1("七、下一步改进措施"),
        P(R["measures"]),
        H1("八、绩效自评结果应用及公开情况"),
        P(R["publish"]),
        Para("附件：部门整体支出绩效自评表", "plain"),
        Para(T["unit_name"]["sign"], "right"),
        Para(M["sign_date"], "right"),
        PageBreak(),
        Para("附件", "attach"),
        Para("部门整体支出绩效自评表", "table-title"),
        Para(f"（{y}年度）", "center"),
    ]
    W = [1.3, 1.5, 2.5, 1.9, 1.9, 1.1, 1.1, 4.3]
    z = [
        [
            C("部门（单位）名称", cs=2),
            C(T["unit_name"]["table"], cs=4),
            C("部门编码", cs=1),
            C(R["dept_code"]),
        ]
    ]
    z.append(
        [
            C("部门预算执行情况（万元）", cs=2, rs=4),
            C(""),
            C("年初预算数"),
            C("全年预算数"),
            C("全年执行数", cs=2),
            C("执行率（%）"),
        ]
    )
    er = M["exp_rows"]
    basic = {
        "p0": wan(sum(D(r["p0"]) for r in er[:-1])),
        "full": wan(sum(D(r["full"]) for r in er[:-1])),
        "spent": wan(sum(D(r["spent"]) for r in er[:-1])),
    }
    basic["rate"] = rate_np(D(basic["spent"]), D(basic["full"]))
    for lab, r in (("年度资金总额", M["exp_total"]), ("其中：基本支出", basic), ("项目支出", er[-1])):
        z.append([C(lab), C(r["p0"]), C(r["full"]), C(r["spent"], cs=2), C(r["rate"])])
    z += [
        [C("年度总体目标", cs=2, rs=2), C("预期目标", cs=3), C("实际完成情况", cs=3)],
        [
            C(R["goal_table"], cs=3, align="justify", indent=False),
            C(R["done_table"] + T["completion"]["table"], cs=3, align="justify", indent=False),
        ],
        [C(h) for h in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")]
        + [C("偏差原因分析及改进措施")],
    ]
    inds = M["inds"]
    for i, ind in enumerate(inds):
        row = _l1_l2_cells(inds, i, ind, R["l1_labels"])
        row += [
            C(ind["name"], align="center", indent=False),
            C(ind["target"]),
            C(ind["actual"]),
            C(ind["weight"]),
            C(ind["score"]),
            C(ind["dev"], align="left", indent=False),
        ]
        z.append(row)
    z.append([C("综合得分", cs=5), C("100"), C(M["total"]), C(f"评价等级：{T['conclusion']['table']}")])
    b.append(Table(W, z, size=9))
    b.append(
        Para(
            f"单位负责人：{R['leader']}        填表人：{R['contact']}        联系电话：{R['phone']}", "small"
        )
    )
    b.append(Para(f"填报日期：{M['sign_date']}", "small"))
    return b


# ---- D2. 转移支付：中央财政衔接推进乡村振兴补助资金 (石溪县, 2023) -----------------------------------


def band_transfer(total: Decimal) -> str:
    if total >= 90:
        return "优"
    if total >= 80:
        return "良"
    if total >= 60:
        return "较差"
    return "差"


TRANSFER_BAND_NOTE = "90分（含）以上为优，80分（含）—90分为良，60分（含）—80分为较差，60分以下为差"

TRANSFER = dict(
    name="transfer-2023",
    year=2023,
    county="石溪县",
    org="石溪县乡村振兴局",
    finance="石溪县财政局",
    users="各乡镇人民政府",
    central="财政部、国家乡村振兴局",
    sign_date="2024年2月28日",
    filler="向春燕",
    leader="滕建华",
    phone="0743-6218835",
    notice="《岩州市财政局 岩州市乡村振兴局关于开展2023年度中央财政衔接推进乡村振兴补助资金绩效自评工作的通知》（岩财农〔2024〕9号）",
    alloc=[
        ("岩财农〔2022〕118号", "31200000.00", "提前下达"),
        ("岩财农〔2023〕45号", "12560000.00", "第二批"),
        ("岩财农〔2023〕97号", "4800000.00", "第三批"),
    ],
    towns=[  # (乡镇, 预算数 A, 统筹整合 B, 执行数 E); 到位数 D = C = A − B
        ("龙潭镇", "7368000.00", "920000.00", "6391425.60"),
        ("白沙镇", "6152500.00", "780000.00", "5301786.35"),
        ("青岩镇", "5836000.00", "736000.00", "4987310.00"),
        ("石门乡", "4985300.00", "615000.00", "4183652.18"),
        ("桃花乡", "5210000.00", "652000.00", "3396118.40"),
        ("高坪乡", "6487200.00", "810000.00", "3039602.55"),
        ("清水镇", "5673000.00", "708000.00", "4816237.90"),
        ("凤凰乡", "6848000.00", "879000.00", "5741526.42"),
    ],
    exec_weight=D(20),
    l1_weights={"产出": 40, "效益": 30, "满意度": 10},
    l1_labels={"产出": "产出指标（40分）", "效益": "效益指标（30分）", "满意度": "满意度指标（10分）"},
    inds=[
        dict(
            l1="产出",
            l2="数量指标",
            name="支持帮扶产业项目",
            kind="ge",
            t=D("32"),
            a=D("32"),
            unit="个",
            weight=D(6),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="新建或改造产业路",
            kind="ge",
            t=D("18"),
            a=D("15.6"),
            unit="公里",
            weight=D(6),
            dev="高坪乡2.4公里产业路受雨季影响延期，2024年4月底前完工；今后合理安排施工时序。",
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="务工补助脱贫劳动力和监测对象",
            kind="ge",
            t=D("1200"),
            a=D("1286"),
            unit="人",
            weight=D(6),
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="项目验收合格率",
            kind="eq",
            t=D("100"),
            a=D("100"),
            unit="%",
            weight=D(6),
        ),
        dict(
            l1="产出",
            l2="时效指标",
            name="项目按期完工率",
            kind="ge",
            t=D("90"),
            a=D("87.5"),
            unit="%",
            weight=D(6),
            dev="32个项目中4个受雨季影响延期至2024年一季度完工；加强项目调度，提前开工。",
        ),
        dict(
            l1="产出",
            l2="成本指标",
            name="产业路建设成本",
            kind="le",
            t=D("45"),
            a=D("43.8"),
            unit="万元/公里",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="成本指标",
            name="衔接资金用于产业发展比例",
            kind="ge",
            t=D("55"),
            a=D("58.6"),
            unit="%",
            weight=D(5),
        ),
        dict(
            l1="效益",
            l2="经济效益指标",
            name="脱贫人口人均纯收入增长",
            kind="ge",
            t=D("8"),
            a=D("9.2"),
            unit="%",
            weight=D(8),
        ),
        dict(
            l1="效益",
            l2="经济效益指标",
            name="村集体经济收入5万元以上村占比",
            kind="ge",
            t=D("80"),
            a=D("82.3"),
            unit="%",
            weight=D(7),
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="受益脱贫人口和监测对象",
            kind="ge",
            t=D("2.1"),
            a=D("2.26"),
            unit="万人",
            weight=D(8),
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="守住不发生规模性返贫底线",
            kind="qual",
            target="不发生",
            actual="未发生",
            weight=D(4),
        ),
        dict(
            l1="效益",
            l2="可持续影响指标",
            name="项目资产后续管护机制",
            kind="qual",
            target="健全",
            actual="健全",
            weight=D(3),
        ),
        dict(
            l1="满意度",
            l2="满意度指标",
            name="受益群众满意度",
            kind="ge",
            t=D("90"),
            a=D("95.3"),
            unit="%",
            weight=D(10),
        ),
    ],
    goal=(
        "巩固拓展脱贫攻坚成果，守住不发生规模性返贫底线；支持32个帮扶产业项目，新建或改造产业路18公里，"
        "对1200名以上脱贫劳动力和监测对象给予务工补助；项目验收合格率100%，项目按期完工率达到90%以上；"
        "脱贫人口人均纯收入增长8%以上，受益脱贫人口和监测对象2.1万人以上，受益群众满意度达到90%以上。"
    ),
    done=(
        "实施衔接资金项目32个，新建或改造产业路15.6公里，为1286名脱贫劳动力和监测对象发放务工补助；项目验收合格率100%，"
        "按期完工率87.5%；脱贫人口人均纯收入增长9.2%，受益脱贫人口和监测对象2.26万人，未发生规模性返贫，受益群众满意度95.3%。"
    ),
    projects=(
        "共安排项目32个，覆盖全县8个乡镇，其中产业发展项目19个、基础设施项目9个、就业帮扶项目4个，"
        "衔接资金用于产业发展的比例为58.6%。"
    ),
    output=[
        "1.数量指标。全县共实施衔接资金项目32个；新建或改造产业路15.6公里，完成年度目标的86.67%；"
        "为1286名脱贫劳动力和监测对象发放务工补助。",
        "2.质量指标。已完工项目均通过验收，项目验收合格率100%。",
        "3.时效指标。32个项目中28个按期完工，按期完工率87.5%，4个项目受雨季影响延期至2024年一季度完工。",
        "4.成本指标。产业路建设平均成本43.8万元/公里，控制在45万元/公里以内。",
    ],
    benefit=(
        "2023年全县脱贫人口人均纯收入14862元，同比增长9.2%；村集体经济收入5万元以上的村占比82.3%；"
        "衔接资金项目惠及脱贫人口和监测对象2.26万人；全年未发生规模性返贫；建立了项目资产登记、确权和后续管护制度。"
    ),
    satisfaction="采取入户走访和问卷调查方式，共调查受益群众600户，受益群众满意度95.3%。",
    management=(
        "严格执行衔接资金管理办法和项目库管理制度，项目实行“村申报、乡审核、县审定”，资金实行县级报账制，"
        "项目和资金安排情况在县政府门户网站和村务公开栏公告公示，接受群众监督。"
    ),
    problems=(
        "一是部分乡镇资金执行进度偏慢。全县衔接资金执行率{RATE}，其中高坪乡{R6}、桃花乡{R5}，主要是高坪乡产业路项目受雨季影响延期，"
        "桃花乡2个产业项目年底方完成验收，工程款尚未结算。二是产业路建设任务未全面完成，新建或改造产业路15.6公里，较目标少2.4公里。"
        "三是4个项目未按期完工。"
    ),
    measures=(
        "一是督促高坪乡、桃花乡加快项目结算和资金拨付，2024年3月底前完成结转资金支付；二是提前谋划2024年度项目，"
        "做实做细项目前期工作，避开雨季集中施工；三是加强项目资产后续管护，持续发挥项目效益。"
    ),
    exec_dev=(
        "执行率{RATE}，低于90%：高坪乡产业路项目受雨季影响延期，桃花乡2个产业项目年底完成验收、工程款尚未结算。"
        "改进措施：督促加快结算，2024年3月底前完成结转资金支付。"
    ),
)


def derive_transfer(R, clean=True):
    M = {"R": R}
    rows = []
    tA = tB = tE = D(0)
    for i, (town, a, bb, e) in enumerate(R["towns"]):
        a, bb, e = D(a), D(bb), D(e)
        c = a - bb
        tA, tB, tE = tA + a, tB + bb, tE + e
        rows.append(
            {
                "no": str(i + 1),
                "name": town,
                "A": yuan(a),
                "B": yuan(bb),
                "C": yuan(c),
                "D": yuan(c),
                "E": yuan(e),
                "rate": pct(q2(e / c * 100)),
            }
        )
    tC = tA - tB
    M["rows"] = rows
    M["total"] = {
        "no": "",
        "name": "合计",
        "A": yuan(tA),
        "B": yuan(tB),
        "C": yuan(tC),
        "D": yuan(tC),
        "E": yuan(tE),
        "rate": pct(q2(tE / tC * 100)),
    }
    RATE = pct(q2(tE / tC * 100))
    w = R["exec_weight"]
    exec_score = q2(w * tE / tC)
    assert exec_score == q2(w * q2(tE / tC * 100) / 100), "ambiguous execution score rounding"
    exec_score = D(R.get("exec_score_override", exec_score))
    if clean:
        assert sum(D(x) for _, x, _ in R["alloc"]) == tA
        assert q2(tE / tC * 100) < 90 and R["exec_dev"]
    F = {
        "A": yuan(tA),
        "B": yuan(tB),
        "C": yuan(tC),
        "D": yuan(tC),
        "E": yuan(tE),
        "RATE": RATE,
        "R5": rows[4]["rate"],
        "R6": rows[5]["rate"],
    }
    M["F"] = F
    M["exec"] = {
        "weight": trim(w),
        "score": trim(exec_score),
        "dev": R["exec_dev"].format(**F) if R["exec_dev"] else "",
    }
    inds = _score_inds(R, clean)
    if clean:
        assert sum(D(x["weight"]) for x in inds) + w == 100
        for l1, lw in R["l1_weights"].items():
            assert sum(D(x["weight"]) for x in inds if x["l1"] == l1) == lw
    M["inds"] = inds
    ind_total = sum((x["score_dec"] for x in inds), D(0))
    total = exec_score + ind_total
    M["ind_total"] = trim(ind_total)
    M["total_s"] = trim(total)
    M["grade"] = band_transfer(total)
    y = R["year"]
    T = {}
    alloc = "，".join(f"{doc}{how}{yuan(x)}元" for doc, x, how in R["alloc"])
    T["alloc"] = {"body": f"{y}年，上级共下达我县衔接资金{F['A']}元，其中：{alloc}。"}
    T["integrate"] = {
        "body": (
            f"按照统筹整合使用财政涉农资金有关规定，我县将衔接资金{F['B']}元纳入统筹整合，扣除统筹整合后安排到乡镇的衔接资金为"
            f"{F['C']}元。" + R["projects"]
        )
    }
    T["arrive"] = {
        "body": f"扣除统筹整合后的{F['C']}元衔接资金已全部拨付到位，到位数{F['D']}元，资金到位率100%。"
    }
    T["spent"] = {
        "body": f"截至{y}年12月31日，全县衔接资金累计执行{F['E']}元，执行率（E/C）为{RATE}。分乡镇到位及执行情况见表1。"
    }
    low = [r for r in rows if D(r["rate"].rstrip("%")) < 90]
    T["low"] = {
        "body": "、".join(f"{r['name']}{r['rate']}" for r in low)
        + (
            "两个乡镇执行率低于90%，原因是高坪乡产业路项目受雨季影响延期，桃花乡2个产业项目年底方完成验收，工程款尚未结算；"
            "其余乡镇执行率均在95%以上。"
        )
    }
    _copies(T, "goal", R["goal"], "body", "table")
    _copies(T, "done", R["done"], "table")
    T["problems"] = {"body": R["problems"].format(**F)}
    T["conclusion"] = {
        "body": (
            f"根据衔接资金绩效自评指标体系，资金执行情况（20分）得{M['exec']['score']}分，绩效指标（80分）得{M['ind_total']}分，"
            f"自评总分{M['total_s']}分，等级为“{M['grade']}”。"
        ),
        "table": M["grade"],
    }
    T["units"] = {"table_local": R["org"], "sign": f"{R['org']}        {R['finance']}"}
    M["text"] = T
    M["sign_date"] = R["sign_date"]
    M["table_date"] = R["sign_date"]
    return M


def transfer_blocks(M):
    R, T, F, y = M["R"], M["text"], M["F"], M["R"]["year"]
    H1, H2, P = (lambda s: Para(s, "h1")), (lambda s: Para(s, "h2")), (lambda s: Para(s, "body"))
    b = [
        Para(f"{R['county']}{y}年度中央财政衔接推进", "title"),
        Para("乡村振兴补助资金绩效自评报告", "title"),
        Para("", "plain"),
        Para("岩州市财政局、岩州市乡村振兴局：", "plain"),
        P(
            f"根据{R['notice']}要求，县乡村振兴局会同县财政局，对{y}年度中央财政衔接推进乡村振兴补助资金（以下简称衔接资金）"
            "使用管理和绩效目标完成情况开展了自评，现将自评情况报告如下："
        ),
        H1("一、基本情况"),
        H2("（一）资金下达情况"),
        P(T["alloc"]["body"]),
        H2("（二）资金统筹整合及项目安排情况"),
        P(T["integrate"]["body"]),
        H1("二、绩效目标"),
        P("年度总体目标：" + T["goal"]["body"]),
        H1("三、资金到位、使用及管理情况"),
        H2("（一）资金到位情况"),
        P(T["arrive"]["body"]),
        H2("（二）资金使用情况"),
        P(T["spent"]["body"]),
        Para(f"表1  {y}年度衔接资金到位及执行情况表", "caption"),
        Para("单位：元", "unit"),
    ]
    hdr = [
        "序号",
        "乡镇",
        "预算数(A)",
        "统筹整合(B)",
        "扣除后(C=A-B)",
        "到位数(D)",
        "执行数(E)",
        "执行率(E/C)",
    ]
    rows = [[C(h, bold=True) for h in hdr]]
    for r in M["rows"] + [M["total"]]:
        cells = [C(r["no"]), C(r["name"])] + [C(r[k]) for k in ("A", "B", "C", "D", "E", "rate")]
        if r is M["total"]:
            cells[0:2] = [C("合计", cs=2)]
        rows.append(cells)
    b.append(Table([0.75, 1.35, 2.35, 2.15, 2.35, 2.35, 2.35, 1.95], rows, size=8.5, header_rows=1))
    b += [
        Para("注：执行率=执行数(E)÷扣除统筹整合后的预算数(C)。", "small"),
        P(T["low"]["body"]),
        H2("（三）资金管理情况"),
        P(R["management"]),
        H1("四、绩效目标完成情况"),
        H2("（一）产出指标完成情况"),
    ]
    b += [P(x) for x in R["output"]]
    b += [
        H2("（二）效益指标完成情况"),
        P(R["benefit"]),
        H2("（三）满意度指标完成情况"),
        P(R["satisfaction"]),
        H1("五、存在的问题"),
        P(T["problems"]["body"]),
        H1("六、下一步工作措施"),
        P(R["measures"]),
        H1("七、自评结论"),
        P(T["conclusion"]["body"]),
        P(f"（评分等级：{TRANSFER_BAND_NOTE}。）"),
        Para(f"附件：{y}年度中央财政衔接推进乡村振兴补助资金绩效自评表", "plain"),
        Para(T["units"]["sign"], "right"),
        Para(M["sign_date"], "right"),
        PageBreak(),
        Para("附件", "attach"),
        Para("中央财政衔接推进乡村振兴补助资金绩效自评表", "table-title"),
        Para(f"（{y}年度）", "center"),
    ]
    W = [0.9, 1.25, 1.3, 2.3, 2.3, 2.3, 0.9, 1.35, 3.0]
    z = [
        [C("专项名称", cs=3), C("中央财政衔接推进乡村振兴补助资金", cs=6)],
        [
            C("中央主管部门", cs=3),
            C(R["central"], cs=2),
            C("地方主管部门"),
            C(T["units"]["table_local"], cs=3),
        ],
        [C("资金使用单位", cs=3), C(R["users"], cs=6)],
        [
            C("资金情况（元）", rs=5),
            C("", cs=2),
            C("预算数"),
            C("到位数"),
            C("执行数"),
            C("分值"),
            C("执行率"),
            C("得分"),
        ],
        [C("下达资金总额（A）", cs=2), C(F["A"]), C("—"), C("—"), C("—"), C("—"), C("—")],
        [C("其中：统筹整合（B）", cs=2), C(F["B"]), C("—"), C("—"), C("—"), C("—"), C("—")],
        [
            C("扣除后（C=A-B）", cs=2),
            C(F["C"]),
            C(F["D"]),
            C(F["E"]),
            C(M["exec"]["weight"]),
            C(F["RATE"]),
            C(M["exec"]["score"]),
        ],
        [C("偏差原因分析及改进措施", cs=2), C(M["exec"]["dev"], cs=6, align="justify", indent=False)],
        [C("年度总体目标", cs=3, rs=2), C("预期目标", cs=3), C("实际完成情况", cs=3)],
        [
            C(T["goal"]["table"], cs=3, align="justify", indent=False),
            C(T["done"]["table"], cs=3, align="justify", indent=False),
        ],
    ]
    inds = M["inds"]
    z.append(
        [
            C("绩效指标（80分）", rs=1 + len(inds)),
            C("一级指标"),
            C("二级指标"),
            C("三级指标"),
            C("年度指标值"),
            C("实际完成值"),
            C("分值"),
            C("得分"),
            C("未完成原因分析"),
        ]
    )
    for i, ind in enumerate(inds):
        row = _l1_l2_cells(inds, i, ind, R["l1_labels"])
        row += [
            C(ind["name"], align="center", indent=False),
            C(ind["target"]),
            C(ind["actual"]),
            C(ind["weight"]),
            C(ind["score"]),
            C(ind["dev"], align="left", indent=False),
        ]
        z.append(row)
    z.append([C("总分", cs=6), C("100"), C(M["total_s"]), C(f"自评等级：{T['conclusion']['table']}")])
    b.append(Table(W, z, size=9))
    b.append(Para(f"单位负责人：{R['leader']}    填表人：{R['filler']}    联系电话：{R['phone']}", "small"))
    b.append(Para(f"填报日期：{M['table_date']}", "small"))
    return b


# ---- D3. 四川式小项目：文化惠民演出 (蓉溪县文化馆, 2022) ---------------------------------------------

CULTURE = dict(
    name="culture-2022",
    year=2022,
    org="蓉溪县文化馆",
    dept_code="蓉溪县文化广播电视和旅游局（301012）",
    project="文化惠民演出",
    sign_date="2023年3月20日",
    leader="袁志华",
    filler="李雪",
    phone="0838-7723516",
    subs=[  # (name, 年初预算, 调整后预算, 实际支出)
        ("送戏下乡演出", "30", "27", "26.14"),
        ("广场文化惠民演出", "20", "18", "17.54"),
    ],
    adjust_reason=(
        "年中调减5万元，原因是受新冠肺炎疫情防控影响，9—10月部分送戏下乡和广场演出场次取消，经县财政局批准调减预算，"
    ),
    adjust_reason_table="年中调减5万元，原因是受疫情防控影响部分演出场次取消，经县财政局批准调减预算。",
    exec_weight=D(10),
    l1_weights={"产出": 40, "效益": 30, "满意度": 20},
    l1_labels={"产出": "产出指标", "效益": "效益指标", "满意度": "满意度指标"},
    inds=[
        dict(
            l1="产出",
            l2="数量指标",
            name="文化惠民演出场次",
            kind="ge",
            t=D("60"),
            a=D("56"),
            unit="场",
            weight=D(10),
            dev="受疫情防控影响4场演出取消；2023年适当增加演出场次补足。",
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="覆盖乡镇（街道）",
            kind="eq",
            t=D("12"),
            a=D("12"),
            unit="个",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="演出节目审查通过率",
            kind="eq",
            t=D("100"),
            a=D("100"),
            unit="%",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="安全事故发生次数",
            kind="le",
            t=D("0"),
            a=D("0"),
            unit="次",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="时效指标",
            name="演出任务完成时间",
            kind="qual",
            target="2022年12月底前",
            actual="达成",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="成本指标",
            name="场均演出成本",
            kind="le",
            t=D("0.8"),
            a=D("0.78"),
            unit="万元",
            weight=D(10),
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="惠及群众人次",
            kind="ge",
            t=D("3"),
            a=D("3.2"),
            unit="万人次",
            weight=D(10),
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="丰富群众精神文化生活",
            kind="qual",
            target="效果明显",
            actual="效果明显",
            weight=D(10),
        ),
        dict(
            l1="效益",
            l2="可持续影响指标",
            name="文化惠民演出长效机制",
            kind="qual",
            target="有效",
            actual="有效",
            weight=D(10),
        ),
        dict(
            l1="满意度",
            l2="服务对象满意度指标",
            name="观看群众满意度",
            kind="ge",
            t=D("90"),
            a=D("93.5"),
            unit="%",
            weight=D(15),
        ),
        dict(
            l1="满意度",
            l2="服务对象满意度指标",
            name="群众有效投诉率",
            kind="le",
            t=D("2"),
            a=D("0.5"),
            unit="%",
            weight=D(5),
        ),
    ],
    basic=(
        "为深入实施文化惠民工程，丰富城乡群众精神文化生活，根据《蓉溪县“十四五”公共文化服务体系建设规划》和县文广旅局年度工作安排，"
        "县文化馆2022年组织实施文化惠民演出项目。项目包括{LIST}2个子项目，由县文化馆组织县川剧团、县歌舞团及本土文艺团队，"
        "深入全县12个乡镇（街道）开展演出。"
    ),
    goal=(
        "全年开展文化惠民演出不少于60场，其中送戏下乡40场、广场演出20场，覆盖全县12个乡镇（街道），惠及群众3万人次以上；"
        "演出节目审查通过率100%，不发生安全事故；场均演出成本控制在0.8万元以内；群众满意度达到90%以上，有效投诉率不高于2%。"
    ),
    done=(
        "全年开展文化惠民演出56场，其中送戏下乡38场、广场演出18场，覆盖全县12个乡镇（街道），惠及群众3.2万人次；"
        "演出节目审查通过率100%，全年未发生安全事故；场均演出成本0.78万元。受疫情影响4场演出取消，未完成全年60场的目标。"
    ),
    organise=(
        "县文化馆成立了由馆长任组长的项目实施小组，制定年度演出计划，与各乡镇（街道）综合文化站对接演出时间和场地；"
        "演出节目经县文广旅局审查后上演，每场演出落实安全预案和现场安全员。"
    ),
    finance_text=(
        "项目资金纳入单位预算统一管理，实行专账核算。演出劳务费、交通费、舞台租赁费等按合同和实际演出场次结算，"
        "支出审批手续完备，无截留、挤占、挪用等情况。"
    ),
    benefit=(
        "文化惠民演出将川剧、小品、歌舞等群众喜闻乐见的节目送到基层，丰富了群众精神文化生活，效果明显；"
        "形成了“县馆统筹、乡站承接、村社配合”的演出组织机制，文化惠民演出常态化开展。"
    ),
    satisfaction="演出期间现场发放满意度调查问卷600份，收回有效问卷600份，观看群众满意度93.5%；全年群众有效投诉率0.5%。",
    problems=(
        "（一）存在的问题：一是受疫情影响4场演出取消，全年演出场次未达到60场的年度目标；二是演出节目中原创作品偏少，"
        "节目更新不够及时。（二）改进措施：一是2023年适当增加演出场次，优先安排2022年取消场次的乡镇；"
        "二是加大原创节目创作扶持力度，提升演出质量。"
    ),
    apply="自评结果将作为2024年项目预算安排的重要依据，并按要求在县人民政府门户网站公开。",
)

CULTURE_BAND_NOTE = "评分等级：90分（含）以上为优，80分（含）—90分为良，60分（含）—80分为中，60分以下为差。"


def derive_culture(R, clean=True):
    M = {"R": R}
    rows = []
    t0 = tb = ts = D(0)
    for name, p0, b, s in R["subs"]:
        p0, b, s = D(p0), D(b), D(s)
        t0, tb, ts = t0 + p0, tb + b, ts + s
        rows.append(
            {
                "name": name,
                "p0": f"{p0:.2f}",
                "b": f"{b:.2f}",
                "s": f"{s:.2f}",
                "bal": f"{b - s:.2f}",
                "rate": pct(q2(s / b * 100)),
            }
        )
    M["rows"] = rows
    M["total"] = {
        "name": "合计",
        "p0": f"{t0:.2f}",
        "b": f"{tb:.2f}",
        "s": f"{ts:.2f}",
        "bal": f"{tb - ts:.2f}",
        "rate": pct(q2(ts / tb * 100)),
    }
    RATE = pct(q2(ts / tb * 100))
    w = R["exec_weight"]
    exec_score = q2(w * ts / tb)
    assert exec_score == q2(w * q2(ts / tb * 100) / 100)
    if clean:
        assert t0 != tb and R["adjust_reason"] and R["adjust_reason_table"], (
            "an adjusted budget needs its reason"
        )
    F = {
        "P0": trim(t0),
        "B": trim(tb),
        "S": trim(ts),
        "BAL": trim(tb - ts),
        "RATE": RATE,
        "ADJ": trim(t0 - tb),
    }
    M["F"] = F
    M["exec"] = {"weight": trim(w), "score": trim(exec_score)}
    inds = _score_inds(R, clean)
    if clean:
        assert sum(D(x["weight"]) for x in inds) + w == 100
        for l1, lw in R["l1_weights"].items():
            assert sum(D(x["weight"]) for x in inds if x["l1"] == l1) == lw
    M["inds"] = inds
    total = exec_score + sum((x["score_dec"] for x in inds), D(0))
    M["total_s"] = trim(total)
    M["grade"] = band(total)
    T = {}
    names = "、".join(s[0] for s in R["subs"])
    T["basic"] = {"body": R["basic"].format(LIST=names)}
    parts = "、".join(f"{n}{trim(D(p0))}万元" for n, p0, _, _ in R["subs"])
    adj_parts = "、".join(f"{n}{trim(D(b))}万元" for n, _, b, _ in R["subs"])
    T["funds"] = {
        "body": (
            f"项目年初预算{F['P0']}万元，其中{parts}。{R['adjust_reason']}调整后预算数为{F['B']}万元（{adj_parts}）。"
            f"截至2022年12月31日，项目实际支出{F['S']}万元，结余{F['BAL']}万元，预算执行率{RATE}。"
        )
    }
    T["reason"] = {"table": R["adjust_reason_table"]}
    _copies(T, "goal", R["goal"], "body", "table")
    _copies(T, "done", R["done"], "body", "table")
    T["conclusion"] = {
        "body": (
            f"经对照项目支出绩效自评指标逐项评分，项目预算执行率得分{M['exec']['score']}分，产出、效益和满意度指标得分"
            f"{trim(total - exec_score)}分，综合得分{M['total_s']}分，自评等级为“{M['grade']}”。"
        )
    }
    M["text"] = T
    M["sign_date"] = R["sign_date"]
    return M


def culture_blocks(M):
    R, T, y = M["R"], M["text"], M["R"]["year"]
    H1, H2, P = (lambda s: Para(s, "h1")), (lambda s: Para(s, "h2")), (lambda s: Para(s, "body"))
    b = [
        Para(R["org"], "title"),
        Para(f"{y}年度{R['project']}项目", "title"),
        Para("支出绩效自评报告", "title"),
        H1("一、项目概况"),
        H2("（一）项目基本情况"),
        P(T["basic"]["body"]),
        H2("（二）项目资金情况"),
        P(T["funds"]["body"]),
        Para(f"表1  {y}年度{R['project']}项目资金使用情况表", "caption"),
        Para("单位：万元", "unit"),
    ]
    hdr = ["子项目名称", "年初预算数", "调整后预算数", "实际支出", "结余", "执行率"]
    rows = [[C(h, bold=True) for h in hdr]]
    for r in M["rows"] + [M["total"]]:
        rows.append(
            [C(r["name"], align="left" if r is not M["total"] else "center", indent=False)]
            + [C(r[k]) for k in ("p0", "b", "s", "bal", "rate")]
        )
    b.append(Table([4.1, 2.3, 2.5, 2.3, 2.1, 2.3], rows, size=11))
    b += [
        H2("（三）项目绩效目标"),
        P(T["goal"]["body"]),
        H1("二、项目实施及管理情况"),
        H2("（一）项目组织实施情况"),
        P(R["organise"]),
        H2("（二）项目资金管理情况"),
        P(R["finance_text"]),
        H1("三、项目绩效情况"),
        H2("（一）产出完成情况"),
        P(T["done"]["body"]),
        H2("（二）效益实现情况"),
        P(R["benefit"]),
        H2("（三）满意度情况"),
        P(R["satisfaction"]),
        H1("四、自评结论"),
        P(T["conclusion"]["body"]),
        P(CULTURE_BAND_NOTE),
        H1("五、存在的问题及改进措施"),
        P(R["problems"]),
        H1("六、绩效自评结果应用"),
        P(R["apply"]),
        Para("附件：项目支出绩效自评表", "plain"),
        Para(R["org"], "right"),
        Para(M["sign_date"], "right"),
        PageBreak(),
        Para("附件", "attach"),
        Para("项目支出绩效自评表", "table-title"),
        Para(f"（{y}年度）", "center"),
    ]
    W = [0.9, 1.2, 1.3, 1.45, 1.5, 1.8, 1.8, 0.9, 1.1, 3.65]
    fz = M["total"]
    dash = [C("—") for _ in range(6)]
    z = [
        [C("项目名称", cs=3), C(R["project"], cs=7)],
        [C("主管部门及代码", cs=3), C(R["dept_code"], cs=3), C("实施单位", cs=2), C(R["org"], cs=2)],
        [
            C("项目资金（万元）", rs=5),
            C("", cs=2),
            C("年初预算数"),
            C("调整后预算数"),
            C("预算执行数"),
            C("预算执行率"),
            C("权重"),
            C("得分"),
            C("原因"),
        ],
        [
            C("财政资金", cs=2),
            C(fz["p0"]),
            C(fz["b"]),
            C(fz["s"]),
            C(fz["rate"]),
            C(M["exec"]["weight"]),
            C(M["exec"]["score"]),
            C(T["reason"]["table"], rs=4, align="justify", indent=False),
        ],
        [C("财政专户管理资金", cs=2)] + dash,
        [C("单位资金", cs=2)] + dash,
        [C("其他资金", cs=2)] + dash,
        [C("年度总体目标", cs=3, rs=2), C("预期目标", cs=3), C("实际完成情况", cs=4)],
        [
            C(T["goal"]["table"], cs=3, align="justify", indent=False),
            C(T["done"]["table"], cs=4, align="justify", indent=False),
        ],
    ]
    inds = M["inds"]
    z.append(
        [
            C("绩效指标", rs=1 + len(inds)),
            C("一级指标"),
            C("二级指标"),
            C("三级指标", cs=2),
            C("年度指标值"),
            C("实际完成值"),
            C("权重"),
            C("得分"),
            C("偏差原因分析及改进措施"),
        ]
    )
    for i, ind in enumerate(inds):
        row = _l1_l2_cells(inds, i, ind, R["l1_labels"])
        row += [
            C(ind["name"], cs=2, align="center", indent=False),
            C(ind["target"]),
            C(ind["actual"]),
            C(ind["weight"]),
            C(ind["score"]),
            C(ind["dev"], align="left", indent=False),
        ]
        z.append(row)
    z.append([C("总分", cs=7), C("100"), C(M["total_s"]), C(f"自评等级：{M['grade']}")])
    b.append(Table(W, z, size=9))
    b.append(
        Para(
            f"单位负责人：{R['leader']}    填表人：{R['filler']}    联系电话：{R['phone']}    "
            f"填报日期：{M['sign_date']}",
            "small",
        )
    )
    return b


# ---- D4. mutations of the three reports ----------------------------------------------------------


def dept_income_total(M):
    r = next(x for x in M["inc_rows"] if x["name"] == "事业收入")
    assert r["full"] == "18.60"
    old, new = D(M["inc_total"]["full"]), D(M["inc_total"]["full"]) + 63
    r["full"] = "81.60"
    M["inc_total"]["full"] = wan(new)
    return [
        item(
            "sum",
            "error",
            [wan(new)],
            f"表1（按收入性质）全年预算合计 {wan(new)} 万元与表2（按支出性质）全年预算合计 {wan(old)} 万元不一致"
            "（事业收入 18.60 误为 81.60，合计随之改动，表1自身可加总）",
            accept=["mismatch"],
        )
    ]


def dept_rate(M):
    r = next(x for x in M["proj_rows"] if x["name"] == "耕地地力保护与化肥减量增效")
    assert r["rate"] == "95.60"
    r["rate"] = "95.90"
    return [
        item(
            "rate",
            "error",
            ["95.90"],
            "耕地地力保护与化肥减量增效执行率（%）198.3216÷207.4538=95.60，表中填 95.90（列头带%，数值不带%）",
        )
    ]


def dept_exec_score(R):
    R["exec_score_override"] = "4.75"
    return [
        item(
            "score",
            "error",
            ["4.75"],
            "过程指标“预算执行率”分值 5、执行率 87.71%，应得 5×87.71%=4.39 分，填 4.75 分（过程指标小计和综合得分随之多 0.36 分）",
            accept=["rate"],
        )
    ]


def dept_grade(M):
    assert M["grade"] == "良好", M["total"]
    replace_in(M, "conclusion", "body", "评价等级为“良好”", "评价等级为“优秀”")
    M["text"]["conclusion"]["table"] = "优秀"
    return [
        item(
            "grade",
            "error",
            ["优秀"],
            f"综合得分 {M['total']} 分，按报告自己的等级划分（80分（含）至90分为良好）应为“良好”，却评为“优秀”（正文和自评表两处）",
        )
    ]


def dept_all_done(M):
    new = "全年安排的6个项目均已按计划实施完成，资金按进度拨付到位。"
    for loc in M["text"]["completion"]:
        M["text"]["completion"][loc] = new
    return [
        item(
            "logic",
            "warning",
            [["均已"]],
            "称6个项目均已按计划实施完成，但农村人居环境整治示范村建设项目实际支出为 0（执行率 0.00）",
        )
    ]


def dept_blank_score(M):
    i = next(x for x in M["inds"] if x["name"] == "资产管理安全性")
    assert i["score"] == "2"
    i["score"] = ""
    return [
        item(
            "missing", "warning", [["资产管理安全性", "得分"]], "自评表“资产管理安全性”（分值 2）得分栏空白"
        ),
        item(
            "sum",
            "warning",
            [[M["total"], M["sub"]["过程"], "得分"]],
            f"连带：各项得分之和比综合得分 {M['total']}、过程指标小计 {M['sub']['过程']} 少 2 分（空白得分栏）",
            accept=["missing", "score"],
            optional=True,
        ),
    ]


def dept_other_unit(M):
    M["text"]["unit_name"]["table"] = "桐溪县农业农村局"
    return [
        item(
            "text",
            "warning",
            ["桐溪县"],
            "自评表部门（单位）名称为“桐溪县农业农村局”，封面、正文及落款均为梅岭县农业农村局（套用他县报表）",
            accept=["mismatch"],
        )
    ]


def transfer_zero_total(M):
    t = M["total"]
    for k in ("A", "B", "C", "D", "E"):
        t[k] = "0.00"
    t["rate"] = "0.00%"
    return [
        item(
            "sum",
            "error",
            [["0.00"]],
            "表1合计行全部为 0.00（各列之和应为 48,560,000.00 / 6,100,000.00 / 42,460,000.00 / 42,460,000.00 / 37,857,659.40）",
            accept=["mismatch"],
        ),
        item(
            "rate",
            "warning",
            [["0.00%"]],
            "连带：合计行执行率 0.00%",
            accept=["sum", "mismatch"],
            optional=True,
        ),
    ]


def transfer_rate_ea(M):
    r = next(x for x in M["rows"] if x["name"] == "高坪乡")
    assert r["rate"] == "53.54%", r["rate"]
    r["rate"] = pct(q2(D(r["E"].replace(",", "")) / D(r["A"].replace(",", "")) * 100))
    assert r["rate"] == "46.86%", r["rate"]
    return [
        item(
            "rate",
            "error",
            ["46.86"],
            "高坪乡执行率应为 E÷C=3,039,602.55÷5,677,200.00=53.54%，表中填 46.86%（误用 E÷A）；正文称 53.54%",
            accept=["mismatch"],
        )
    ]


def transfer_full_marks(R):
    _ind(R, "新建或改造产业路")["score_override"] = D("6")
    return [
        item(
            "score",
            "error",
            [["新建或改造产业路", "15.6"]],
            "新建或改造产业路目标 ≥18 公里、实际 15.6 公里，应得 6×15.6÷18=5.2 分，却给满分 6 分（绩效指标得分和总分随之多 0.8 分，总分 97.66）",
        )
    ]


def transfer_narrative_spent(M):
    replace_in(M, "spent", "body", "累计执行37,857,659.40元", "累计执行37,587,659.40元")
    return [
        item(
            "mismatch",
            "error",
            ["37587659.40"],
            "正文称累计执行 37,587,659.40 元，自评表执行数为 37,857,659.40 元（执行率 89.16% 亦按后者计算）",
            accept=["text", "rate"],
        )
    ]


def transfer_no_problem(M):
    M["text"]["problems"]["body"] = "经自评，2023年度衔接资金使用管理规范，项目实施进展顺利，暂无问题。"
    return [
        item(
            "logic",
            "warning",
            [["暂无问题"]],
            "存在的问题写“暂无问题”，但执行率仅 89.16%（高坪乡 53.54%、桃花乡 74.51%），产业路和按期完工两项指标未完成",
        )
    ]


def transfer_zero_dev(R):
    _ind(R, "项目按期完工率")["dev"] = "0"
    return [
        item(
            "missing",
            "warning",
            [["项目按期完工率", "按期完工", "87.5"]],
            "项目按期完工率目标 ≥90%、实际 87.5%（按比例得 5.83 分），未完成原因分析栏填“0”",
        )
    ]


def transfer_blank_date(M):
    M["table_date"] = "    年    月    日"
    return [item("missing", "warning", [["年月日", "填报日期"]], "自评表填报日期未填（“年 月 日”）")]


def culture_balance(M):
    r = M["rows"][0]
    assert r["bal"] == "0.86"
    r["bal"] = "0.68"
    return [
        item(
            "balance",
            "error",
            ["0.68"],
            "送戏下乡演出结余应为 27.00−26.14=0.86 万元，表中填 0.68",
            accept=["sum"],
        ),
        item(
            "sum",
            "error",
            [["1.32", "1.14"]],
            "连带：结余列各行之和 1.14 与合计 1.32 不符",
            accept=["balance"],
            optional=True,
        ),
    ]


def culture_no_reason(R):
    R["adjust_reason"] = ""
    R["adjust_reason_table"] = ""
    return [
        item(
            "missing",
            "warning",
            [["调整后预算", "调整", "调减", "45"]],
            "预算由年初 50 万元调整为 45 万元，正文和自评表“原因”栏均未说明调整原因",
        )
    ]


def culture_reverse_deducted(R):
    _ind(R, "安全事故发生次数")["score_override"] = D("3")
    return [
        item(
            "score",
            "warning",
            [["安全事故"]],
            "反向指标“安全事故发生次数 ≤0 次”实际 0 次，已完成却只得 3 分（权重 5）；总分随之为 97.04",
        ),
        item(
            "missing",
            "warning",
            [["安全事故"]],
            "连带：该指标被扣 2 分，偏差原因分析栏为空",
            accept=["score"],
            optional=True,
        ),
    ]


def culture_rename(M):
    M["rows"][0]["name"] = "送戏进村演出"
    return [
        item(
            "text",
            "warning",
            ["送戏进村"],
            "资金表子项目名称“送戏进村演出”与概况“送戏下乡演出”不一致",
            accept=["mismatch"],
        )
    ]


def culture_done_copy(M):
    replace_in(M, "done", "table", "惠及群众3.2万人次", "惠及群众2.3万人次")
    return [
        item(
            "text",
            "warning",
            ["2.3"],
            "自评表实际完成情况称“惠及群众2.3万人次”，正文及指标表为 3.2 万人次",
            accept=["mismatch"],
        )
    ]


def culture_placeholder(M):
    k = next(i for i, x in enumerate(M["inds"]) if x["name"] == "文化惠民演出长效机制")
    blank = dict(M["inds"][k], name="指标1", target="", actual="", weight="", score="", dev="")
    M["inds"].insert(k + 1, blank)
    return [
        item("missing", "warning", ["指标1"], "可持续影响指标下留有模板空行“指标1”（指标值、权重、得分均空）")
    ]


def culture_rate_text(M):
    replace_in(M, "funds", "body", "预算执行率97.07%", "预算执行率97.70%")
    return [
        item(
            "mismatch",
            "warning",
            ["97.70"],
            "正文称预算执行率 97.70%，资金表和自评表为 97.07%（43.68÷45）",
            accept=["rate", "text"],
        )
    ]


EXTRA = {  # name -> (data, derive, blocks, style, mutations, description, clean note)
    "dept-overall-2023": (
        DEPT,
        derive_dept,
        dept_blocks,
        Style(),
        [
            ("post", dept_income_total),
            ("post", dept_rate),
            ("pre", dept_exec_score),
            ("post", dept_grade),
            ("post", dept_all_done),
            ("post", dept_blank_score),
            ("post", dept_other_unit),
        ],
        "梅岭县农业农村局 部门整体支出绩效自评报告（湖南式）; 万元 (2 或 4 位小数，如 207.4538); "
        "表1 收入按收入性质（财政拨款/事业/其他/上年结转）、表2 支出按支出性质（人员经费/公用经费/项目支出），两表全年预算合计一致; "
        "表3 6 个项目 年初预算/上年结转/年中追加/全年预算/实际支出/结余/执行率（%）（数值不带%）; "
        "决策/过程/产出/效益 10/25/30/35，预算执行率在过程指标内（分值 5，得分 5×执行率）; 等级 优秀/良好/中/差",
        "clean; 执行率 87.71% (<90%) explained in the 自评表; 示范村项目支出 0 stated as not started; "
        "14 项指标未满分（按比例或分档得分），偏差原因均已填; 88.46 良好",
    ),
    "transfer-2023": (
        TRANSFER,
        derive_transfer,
        transfer_blocks,
        Style(line=29),
        [
            ("post", transfer_zero_total),
            ("post", transfer_rate_ea),
            ("pre", transfer_full_marks),
            ("post", transfer_narrative_spent),
            ("post", transfer_no_problem),
            ("pre", transfer_zero_dev),
            ("post", transfer_blank_date),
        ],
        "石溪县乡村振兴局 中央财政衔接推进乡村振兴补助资金（转移支付）; 元 (千分位, 2 位小数); "
        "无封面，报送市财政局/市乡村振兴局; 表1 8 个乡镇 预算数(A)/统筹整合(B)/扣除后(C=A-B)/到位数(D)/执行数(E)/执行率(E/C); "
        "旧式 20/80 自评表（资金执行 20 分 = 20×执行率，绩效指标 80 分）; 等级 优/良/较差/差",
        "clean; 执行率 89.16% (<90%) explained in the 自评表; 高坪乡 53.54%、桃花乡 74.51% explained; "
        "两项指标未完成按比例得分; 96.86 优",
    ),
    "culture-2022": (
        CULTURE,
        derive_culture,
        culture_blocks,
        Style(body_size=15, line=25),
        [
            ("post", culture_balance),
            ("pre", culture_no_reason),
            ("pre", culture_reverse_deducted),
            ("post", culture_rename),
            ("post", culture_done_copy),
            ("post", culture_placeholder),
            ("post", culture_rate_text),
        ],
        "蓉溪县文化馆（县文广旅局，四川）/ 文化惠民演出; 万元; 2 个子项目; 四川式自评表（年初预算数/调整后预算数/预算执行数/"
        "预算执行率/权重/得分/原因，财政资金/财政专户管理资金/单位资金/其他资金）; 产出 40/效益 30/满意度 20 + 执行率 10; "
        "反向指标（安全事故 ≤0 次、投诉率 ≤2%）; 定性指标（达成/效果明显/有效）",
        "clean; 年初 50 万元调整为 45 万元，正文和自评表“原因”栏说明调减原因; 执行率 97.07%; "
        "演出场次 56/60 按比例得分、原因已填; 99.04 优",
    ),
}


def extra_samples(table=None):
    out = []
    for name, (R, derive_fn, blocks_fn, style, muts, desc, note) in (table or EXTRA).items():
        M = derive_fn(R, clean=True)
        out.append(
            Sample(
                name,
                blocks_fn(M),
                {
                    "file_stem": name,
                    "clean": True,
                    "base": None,
                    "kind": "clean",
                    "note": f"{R['org']} {R['year']}年度绩效自评报告（合成，干净版本）",
                    "expected": [],
                },
                f"{desc}; {note}",
                style=style,
            )
        )
        R2 = copy.deepcopy(R)
        items = []
        for kind, fn in muts:
            if kind == "pre":
                items += fn(R2)
        Mm = derive_fn(R2, clean=False)
        for kind, fn in muts:
            if kind == "post":
                items += fn(Mm)
        mname = f"{name}-faults"
        faults = "; ".join(
            f"[{i['category']}] {i['note']}" + (" (optional)" if i.get("optional") else "") for i in items
        )
        out.append(
            Sample(
                mname,
                blocks_fn(Mm),
                {
                    "file_stem": mname,
                    "clean": False,
                    "base": name,
                    "kind": "mutant",
                    "note": f"由 {name} 经 {len(muts)} 个变异函数生成",
                    "expected": items,
                },
                f"mutant of {name}; faults: {faults}",
                style=style,
            )
        )
    return out


# ----------------------------------------------------------------------------------------------
# E. Three more reports, each differing from the above in ways real reports do:
#    E1 农村公路养护 (县交通运输局, 2024): 9 子项目 in two groups with 小计 rows, 万元 with 2 decimals,
#       执行率 as fractions (0.9312) in the fund table but percentages in the text, a separate 资金来源
#       table, 年初预算数 ≠ 全年预算数 in the 自评表, band note "90分以上（含90分）为优、…".
#    E2 医疗设备购置 (市人民医院, 2023): 自评报告表 without a 计划投资额 block (a 项目资金情况 paragraph),
#       万元 with thousands separators, one 绩效自评表 over three pages with a repeated top row,
#       a 计量单位 column (台/套/%/天), a date target partly scored, satisfaction from a stated survey,
#       band note written as inequalities (得分≥90分为“优”…).
#    E3 校园安全设施改造 (县教育局, 2022): mostly narrative, no cover, 元 without separators and
#       "340万元" in the prose, a 3-row fund table (项目名称/预算金额（元）/实际支付（元）/结余（元）/支付率),
#       决策/过程/产出/效益 15/15/40/30 with 预算执行率 a 过程 indicator (分值 5), 优秀/良好/合格/不合格.
#    Same conventions as C and D: derive_*() computes every printed string with exact Decimal
#    arithmetic; mutations ("pre" on the data, "post" on the derived model) return their key items.
# ----------------------------------------------------------------------------------------------


def q4(x: Decimal) -> Decimal:
    return x.quantize(Q4, rounding=ROUND_HALF_UP)


def frac(s, b) -> str:
    """Execution rate as a fraction with 4 decimals (0.9312), as some 交通 fund tables print it."""
    return f"{q4(D(s) / D(b))}" if D(b) else "0.0000"


def f2(x) -> str:
    return f"{D(x):.2f}"


def wsep(x) -> str:
    return f"{D(x):,.2f}"


def _check_scheme(R, inds, extra_weight):
    assert sum(D(x["weight"]) for x in inds) + extra_weight == 100, R["name"]
    for l1, w in R["l1_weights"].items():
        assert sum(D(x["weight"]) for x in inds if x["l1"] == l1) == D(w), (R["name"], l1)


# ---- E1. 农村公路养护专项资金 (岚江县交通运输局, 2024) ---------------------------------------------

ROADS_BAND_NOTE = "90分以上（含90分）为优、80分（含）至90分为良、60分（含）至80分为中、60分以下为差"

ROADS = dict(
    name="roads-2024",
    year=2024,
    county="岚江县",
    org="岚江县交通运输局",
    dept="岚江县交通运输局",
    func_code="2140106",
    project="农村公路养护专项资金",
    leader="邹明辉",
    filler="钟晓琳",
    phone="0797-8632154",
    report_date="2025年3月",
    sign_date="2025年3月18日",
    notice="《岚江县财政局关于开展2024年度项目支出绩效自评工作的通知》（岚财绩〔2025〕4号）",
    groups=[
        (
            "一、县道养护",
            [
                ("县道日常养护", "223.68", "219.95"),
                ("县道路面修复工程（中修）", "486.00", "418.32"),
                ("县道桥梁养护及危桥改造", "312.50", "291.00"),
                ("县道安全生命防护工程", "168.40", "163.35"),
            ],
        ),
        (
            "二、乡村道养护",
            [
                ("乡道日常养护", "259.20", "259.20"),
                ("村道日常养护", "374.40", "370.66"),
                ("乡村道路面修复", "405.60", "342.18"),
                ("乡村道安全隐患整治", "196.80", "188.93"),
                ("养护管理信息化及路况检测", "48.50", "45.12"),
            ],
        ),
    ],
    # (资金来源, 下达文件, 全年预算, 其中年初预算)
    sources=[
        ("中央车购税资金", "赣财建〔2023〕168号（提前下达）、赣财建〔2024〕52号", "1280.00", "860.00"),
        ("省级资金", "赣财建〔2024〕97号", "620.00", "0"),
        ("县级配套", "县本级年初预算", "575.08", "575.08"),
    ],
    exec_weight=D(10),
    l1_weights={"产出": 50, "效益": 30, "满意度": 10},
    l1_labels={"产出": "产出指标（50分）", "效益": "效益指标（30分）", "满意度": "满意度指标（10分）"},
    inds=[
        dict(
            l1="产出",
            l2="数量指标",
            name="县道日常养护里程",
            kind="ge",
            t=D("186.4"),
            a=D("186.4"),
            unit="公里",
            weight=D(6),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="乡村道日常养护里程",
            kind="ge",
            t=D("1245"),
            a=D("1245"),
            unit="公里",
            weight=D(6),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="路面修复（中修）里程",
            kind="ge",
            t=D("42"),
            a=D("38.6"),
            unit="公里",
            weight=D(8),
            dev="汛期持续降雨影响施工，3.4公里顺延至2025年4月完工；今后避开汛期安排路面工程。",
        ),
        dict(
            l1="产出", l2="数量指标", name="危桥改造", kind="ge", t=D("3"), a=D("3"), unit="座", weight=D(5)
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="安全生命防护工程",
            kind="ge",
            t=D("65"),
            a=D("68.2"),
            unit="公里",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="优良中等路比例",
            kind="ge",
            t=D("80"),
            a=D("82.6"),
            unit="%",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="养护工程交工验收合格率",
            kind="eq",
            t=D("100"),
            a=D("100"),
            unit="%",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="时效指标",
            name="养护工程完工及时率",
            kind="ge",
            t=D("95"),
            a=D("91.7"),
            unit="%",
            weight=D(5),
            dev="36项养护工程中3项路面修复工程受汛期影响延期；加强工期调度，提前组织招标。",
        ),
        dict(
            l1="产出",
            l2="成本指标",
            name="县道日常养护成本",
            kind="le",
            t=D("1.2"),
            a=D("1.18"),
            unit="万元/公里·年",
            weight=D(5),
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="农村公路列养率",
            kind="eq",
            t=D("100"),
            a=D("100"),
            unit="%",
            weight=D(10),
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="公路技术状况指数（MQI）",
            kind="ge",
            t=D("80"),
            a=D("83.2"),
            unit="",
            weight=D(10),
        ),
        dict(
            l1="效益",
            l2="可持续影响指标",
            name="农村公路养护长效机制",
            kind="qual",
            target="健全",
            actual="健全",
            weight=D(10),
        ),
        dict(
            l1="满意度",
            l2="服务对象满意度指标",
            name="沿线群众满意度",
            kind="ge",
            t=D("90"),
            a=D("93.6"),
            unit="%",
            weight=D(10),
        ),
    ],
    network=(
        "全县农村公路总里程1431.4公里，其中县道6条186.4公里、乡道412.6公里、村道832.4公里，"
        "县道由县公路养护中心专业养护，乡村道实行“县道县管、乡道乡管、村道村管”的分级养护，全部纳入列养范围。"
    ),
    goal=(
        "完成县道日常养护186.4公里、乡村道日常养护1245公里；实施路面修复（中修）42公里，改造危桥3座，"
        "实施安全生命防护工程65公里以上；优良中等路比例不低于80%，养护工程交工验收合格率100%，养护工程完工及时率95%以上；"
        "农村公路列养率100%，公路技术状况指数（MQI）不低于80；沿线群众满意度90%以上。"
    ),
    done=(
        "全年完成县道日常养护186.4公里、乡村道日常养护1245公里，完成路面修复（中修）38.6公里、危桥改造3座、"
        "安全生命防护工程68.2公里；优良中等路比例82.6%，养护工程交工验收合格率100%，养护工程完工及时率91.7%；"
        "农村公路列养率100%，公路技术状况指数（MQI）83.2；沿线群众满意度93.6%。路面修复年度目标42公里，"
        "尚有3.4公里受汛期影响顺延至2025年4月完工。"
    ),
    organise=(
        "局成立了以局长为组长、分管副局长为副组长的农村公路养护工作领导小组，下设办公室在局公路股。"
        "县道养护由县公路养护中心组织实施，乡村道养护由各乡镇人民政府组织实施，局公路股按月开展养护质量检查，"
        "路面修复、危桥改造等工程实行项目法人制、招标投标制、工程监理制和合同管理制。"
    ),
    finance=(
        "严格执行《车辆购置税收入补助地方资金管理暂行办法》和《岚江县农村公路养护资金管理办法》，资金实行专账核算、"
        "专款专用，日常养护资金按季度考核结果拨付，工程项目按合同和计量进度拨付，无截留、挤占、挪用情况。"
    ),
    benefit=(
        "通过持续养护，全县农村公路路况稳步提升，公路技术状况指数（MQI）83.2，较上年提高1.6；优良中等路比例82.6%；"
        "3座危桥完成改造，消除了重大安全隐患；农村公路列养率保持100%，“四好农村路”养护长效机制进一步健全。"
    ),
    survey="采取现场问卷方式在沿线12个乡镇开展满意度调查，发放问卷500份，收回有效问卷486份，沿线群众满意度93.6%。",
    problems_tail=(
        "二是养护工程完工及时率91.7%，未达到95%的目标，3项路面修复工程受汛期影响延期。"
        "三是部分乡镇村道日常养护投入不足，养护队伍不稳定。"
    ),
    measures=(
        "一是督促施工单位2025年4月底前完成剩余3.4公里路面修复，及时办理交工验收和结算，加快结转资金支付；"
        "二是科学安排养护工程工期，路面工程避开汛期集中施工；三是落实乡镇养护主体责任，将村道养护纳入乡镇年度考核。"
    ),
    publish="自评结果将作为2026年农村公路养护资金预算安排的重要依据，并在县人民政府门户网站公开。",
)


def derive_roads(R, clean=True):
    M = {"R": R}
    groups = []
    TB = TS = D(0)
    no = 0
    for gname, subs in R["groups"]:
        rows = []
        gb = gs = D(0)
        for name, b, s in subs:
            b, s = D(b), D(s)
            gb, gs = gb + b, gs + s
            no += 1
            rows.append(
                {
                    "no": str(no),
                    "name": name,
                    "b": f2(b),
                    "d": f2(b),
                    "s": f2(s),
                    "bal": f2(b - s),
                    "rate": frac(s, b),
                }
            )
        sub = {
            "no": "",
            "name": "小计",
            "b": f2(gb),
            "d": f2(gb),
            "s": f2(gs),
            "bal": f2(gb - gs),
            "rate": frac(gs, gb),
        }
        groups.append({"name": gname, "rows": rows, "sub": sub, "_b": gb, "_s": gs})
        TB, TS = TB + gb, TS + gs
    M["groups"] = groups
    M["total"] = {
        "no": "",
        "name": "合计",
        "b": f2(TB),
        "d": f2(TB),
        "s": f2(TS),
        "bal": f2(TB - TS),
        "rate": frac(TS, TB),
    }
    RATE = pct(q2(TS / TB * 100))
    srcs = [{"name": n, "docs": d, "amt": f2(a), "_p0": D(p0)} for n, d, a, p0 in R["sources"]]
    src_total = sum((D(a) for _, _, a, _ in R["sources"]), D(0))
    P0 = sum((D(p0) for *_, p0 in R["sources"]), D(0))
    if clean:
        assert src_total == TB, (src_total, TB)
    M["sources"] = srcs
    M["src_total"] = f2(src_total)
    w = R["exec_weight"]
    exec_score = q2(w * TS / TB)
    assert exec_score == q2(w * q2(TS / TB * 100) / 100), "ambiguous execution score rounding"
    M["exec"] = {"weight": trim(w), "score": trim(exec_score)}
    g1, g2 = groups
    F = {
        "B": f2(TB),
        "S": f2(TS),
        "BAL": f2(TB - TS),
        "RATE": RATE,
        "P0": f2(P0),
        "ADD": f2(TB - P0),
        "G1B": f2(g1["_b"]),
        "G1S": f2(g1["_s"]),
        "G1R": pct(q2(g1["_s"] / g1["_b"] * 100)),
        "G2B": f2(g2["_b"]),
        "G2S": f2(g2["_s"]),
        "G2R": pct(q2(g2["_s"] / g2["_b"] * 100)),
        "NSUB": str(no),
    }
    M["F"] = F
    M["sf"] = {"p0": F["P0"], "b": F["B"], "s": F["S"], "rate": RATE}  # the 自评表 funds row
    inds = _score_inds(R, clean)
    if clean:
        _check_scheme(R, inds, w)
    M["inds"] = inds
    total = exec_score + sum((x["score_dec"] for x in inds), D(0))
    M["total_s"] = trim(total)
    M["grade"] = band(total)
    y = R["year"]
    T = {}
    src_txt = "、".join(f"{s['name']}{s['amt']}万元" for s in srcs)
    add_txt = "、".join(f"{n}{f2(D(a) - D(p0))}万元" for n, _, a, p0 in R["sources"] if D(a) != D(p0))
    T["alloc"] = {
        "body": (
            f"{y}年度农村公路养护专项资金全年预算{F['B']}万元，其中{src_txt}。年初预算{F['P0']}万元"
            f"（县级配套资金和提前下达的中央车购税资金），年中追加上级资金{F['ADD']}万元（{add_txt}）。"
            f"资金已全部到位，到位率100%。资金来源见表1。"
        )
    }
    parts = []
    for g in groups:
        items = "、".join(f"{r['name']}{r['b']}万元" for r in g["rows"])
        parts.append(f"{g['name'].split('、')[1]}{f2(g['_b'])}万元（{items}）")
    T["overview"] = {"body": f"资金安排{F['NSUB']}个子项目，分为两类：" + "；".join(parts) + "。"}
    T["spent"] = {
        "body": (
            f"截至{y}年12月31日，项目实际支出{F['S']}万元，结转结余{F['BAL']}万元，预算执行率{RATE}。"
            f"其中：县道养护支出{F['G1S']}万元，执行率{F['G1R']}；乡村道养护支出{F['G2S']}万元，执行率{F['G2R']}。"
            "各子项目资金使用情况见表2。"
        )
    }
    lows = [r for g in groups for r in g["rows"] if D(r["rate"]) < D("0.9")]
    T["low"] = {
        "body": (
            "、".join(f"{r['name']}执行率{pct(q2(D(r['rate']) * 100))}" for r in lows)
            + "，低于全年平均水平，主要是3.4公里路面修复工程受汛期影响顺延至2025年4月完工，工程款待交工验收和结算后支付，"
            "结转结余资金将于2025年上半年支付完毕。"
        )
    }
    _copies(T, "goal", R["goal"], "body", "table")
    _copies(T, "done", R["done"], "body", "table")
    T["conclusion"] = {
        "body": (
            f"对照项目支出绩效自评表逐项评分，预算执行率得分{M['exec']['score']}分，产出、效益和满意度指标得分"
            f"{trim(total - exec_score)}分，自评总分{M['total_s']}分，评价等级为“{M['grade']}”。"
        ),
        "table": M["grade"],
    }
    T["problems"] = {
        "body": (
            f"一是预算执行率未达100%。全年预算{F['B']}万元，实际支出{F['S']}万元，预算执行率{RATE}，"
            f"结转结余{F['BAL']}万元，主要是部分路面修复工程受汛期影响顺延，工程款尚未结算。"
            + R["problems_tail"]
        )
    }
    T["project"] = {"cover": f"{y}年度{R['project']}", "table": f"{y}年度{R['project']}"}
    M["text"] = T
    M["sign_date"] = R["sign_date"]
    return M


def roads_blocks(M):
    R, T, y = M["R"], M["text"], M["R"]["year"]
    H1, H2, P = (lambda s: Para(s, "h1")), (lambda s: Para(s, "h2")), (lambda s: Para(s, "body"))
    b = [
        Para("2", "cover-gap"),
        Para(R["org"], "title"),
        Para(T["project"]["cover"], "cover-title"),
        Para("绩效自评报告", "cover-title"),
        Para("5", "cover-gap"),
    ]
    for line in (
        f"项目名称：{T['project']['cover']}",
        f"支出功能科目编码：{R['func_code']}",
        f"项目实施单位：{R['org']}",
        f"主管部门：{R['dept']}",
        "评价方式：单位自评",
        f"报告日期：{R['report_date']}",
    ):
        b.append(Para(line, "cover"))
    b.append(PageBreak())
    b += [
        Para(f"{R['county']}{y}年度农村公路养护专项资金", "title"),
        Para("绩效自评报告", "title"),
        P(
            f"根据{R['notice']}要求，我局成立了绩效自评工作小组，对{y}年度农村公路养护专项资金的使用管理和绩效目标完成情况"
            "开展了自评。现将有关情况报告如下："
        ),
        H1("一、项目基本情况"),
        H2("（一）项目概况"),
        P(R["network"]),
        H2("（二）资金安排情况"),
        P(T["alloc"]["body"]),
        P(T["overview"]["body"]),
        Para(f"表1  {y}年度农村公路养护专项资金来源情况表", "caption"),
        Para("单位：万元", "unit"),
    ]
    rows = [[C(h, bold=True) for h in ("资金来源", "下达文件", "金额")]]
    for s in M["sources"]:
        rows.append([C(s["name"]), C(s["docs"], align="left", indent=False), C(s["amt"])])
    rows.append([C("合计"), C(""), C(M["src_total"])])
    b.append(Table([3.6, 8.6, 3.2], rows, size=11))
    b += [
        H2("（三）绩效目标"),
        P("年度绩效目标：" + T["goal"]["body"]),
        H1("二、资金使用及管理情况"),
        H2("（一）资金使用情况"),
        P(T["spent"]["body"]),
        Para(f"表2  {y}年度农村公路养护专项资金使用情况表", "caption"),
        Para("单位：万元", "unit"),
    ]
    hdr = ["序号", "项目名称", "预算数", "到位数", "实际支出", "结转结余", "执行率"]
    rows = [[C(h, bold=True) for h in hdr]]
    keys = ("b", "d", "s", "bal", "rate")
    for g in M["groups"]:
        rows.append([C(g["name"], cs=7, align="left", indent=False, bold=True)])
        for r in g["rows"]:
            rows.append([C(r["no"]), C(r["name"], align="left", indent=False)] + [C(r[k]) for k in keys])
        rows.append([C("小计", cs=2)] + [C(g["sub"][k]) for k in keys])
    rows.append([C("合计", cs=2, bold=True)] + [C(M["total"][k]) for k in keys])
    b.append(Table([0.9, 5.0, 1.9, 1.9, 1.9, 1.9, 1.8], rows, size=10.5, header_rows=1))
    b += [
        Para("注：执行率=实际支出÷预算数。", "small"),
        P(T["low"]["body"]),
        H2("（二）资金管理情况"),
        P(R["finance"]),
        H1("三、项目组织实施情况"),
        P(R["organise"]),
        H1("四、绩效目标完成情况"),
        H2("（一）产出和效益目标完成情况"),
        P(T["done"]["body"]),
        P(R["benefit"]),
        H2("（二）满意度情况"),
        P(R["survey"]),
        H1("五、自评结论"),
        P(T["conclusion"]["body"]),
        P(f"评价等级划分：{ROADS_BAND_NOTE}。"),
        H1("六、存在的问题及原因"),
        P(T["problems"]["body"]),
        H1("七、下一步改进措施"),
        P(R["measures"]),
        H1("八、自评结果应用及公开情况"),
        P(R["publish"]),
        Para("附件：1. 项目支出绩效自评表", "plain"),
        Para(R["org"], "right"),
        Para(M["sign_date"], "right"),
        PageBreak(),
        Para("附件1", "attach"),
        Para("项目支出绩效自评表", "table-title"),
        Para(f"（{y}年度）", "center"),
    ]
    sf = M["sf"]
    z = [
        [C("项目名称", cs=2), C(T["project"]["table"], cs=7)],
        [C("主管部门", cs=2), C(R["dept"], cs=2), C("实施单位"), C(R["org"], cs=4)],
        [
            C("项目资金（万元）", rs=5),
            C("", cs=2),
            C("年初预算数"),
            C("全年预算数"),
            C("全年执行数"),
            C("分值"),
            C("执行率"),
            C("得分"),
        ],
        [
            C("年度资金总额", cs=2),
            C(sf["p0"]),
            C(sf["b"]),
            C(sf["s"]),
            C(M["exec"]["weight"]),
            C(sf["rate"]),
            C(M["exec"]["score"]),
        ],
        [C("其中：当年财政拨款", cs=2), C(sf["p0"]), C(sf["b"]), C(sf["s"]), C("—"), C("—"), C("—")],
        [C("上年结转资金", cs=2), C("0"), C("0"), C("0"), C("—"), C("—"), C("—")],
        [C("其他资金", cs=2), C("0"), C("0"), C("0"), C("—"), C("—"), C("—")],
        [C("年度总体目标", rs=2), C("预期目标", cs=4), C("实际完成情况", cs=4)],
        [
            C(T["goal"]["table"], cs=4, align="justify", indent=False),
            C(T["done"]["table"], cs=4, align="justify", indent=False),
        ],
    ]
    inds = M["inds"]
    z.append(
        [C("绩效指标", rs=1 + len(inds))]
        + [C(h) for h in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分")]
        + [C("偏差原因分析及改进措施")]
    )
    for i, ind in enumerate(inds):
        row = _l1_l2_cells(inds, i, ind, R["l1_labels"])
        row += [
            C(ind["name"], align="center", indent=False),
            C(ind["target"]),
            C(ind["actual"]),
            C(ind["weight"]),
            C(ind["score"]),
            C(ind["dev"], align="left", indent=False),
        ]
        z.append(row)
    z.append([C("总分", cs=6), C("100"), C(M["total_s"]), C(f"评价等级：{T['conclusion']['table']}")])
    b.append(Table([1.2, 1.5, 1.6, 2.4, 1.8, 1.9, 1.1, 1.7, 2.4], z, size=10))
    b.append(
        Para(f"单位负责人：{R['leader']}        填表人：{R['filler']}        联系电话：{R['phone']}", "small")
    )
    b.append(Para(f"填报日期：{M['sign_date']}", "small"))
    return b


# ---- E2. 医疗设备购置项目 (滨江市人民医院, 2023) ----------------------------------------------------

HOSP_BAND_NOTE = "得分≥90分为“优”，80分≤得分＜90分为“良”，60分≤得分＜80分为“中”，得分＜60分为“差”"

HOSP = dict(
    name="hospital-equipment-2023",
    year=2023,
    org="滨江市人民医院",
    dept="滨江市卫生健康委员会",
    func_code="2100201",
    project="医疗设备购置项目",
    leader="郑立新",
    leader_title="设备科科长",
    phone="0736-7253318",
    period="2023年1月—2023年12月",
    report_date="2024年3月",
    sign_date="2024年3月22日",
    head="黄振宇",
    dept_head="罗晓峰",
    filler="周敏",
    evaluators=[
        ("宋建华", "副院长", "滨江市人民医院"),
        ("郑立新", "设备科科长", "滨江市人民医院"),
        ("陈雅琴", "财务科科长/高级会计师", "滨江市人民医院"),
        ("刘思远", "医务科副科长", "滨江市人民医院"),
    ],
    notice="《滨江市财政局关于开展2023年度市直部门项目支出绩效自评工作的通知》（滨财绩〔2024〕5号）",
    fin_label="市级财政专项资金",
    fin_doc="滨财社〔2023〕21号",
    fin_amount="800.00",
    self_label="医院自筹资金",
    # (设备名称, 数量, 单位, 预算, 实际支付)
    items=[
        ("64排螺旋CT", 1, "台", "480.00", "432.00"),
        ("数字化X线摄影系统（DR）", 2, "台", "210.00", "199.50"),
        ("彩色多普勒超声诊断仪", 3, "台", "186.00", "176.70"),
        ("全自动生化分析仪", 1, "台", "98.50", "93.58"),
        ("有创呼吸机", 6, "台", "132.00", "125.40"),
        ("多参数监护仪", 12, "台", "64.00", "60.80"),
        ("内镜清洗消毒工作站", 1, "套", "46.00", "43.70"),
        ("麻醉机", 3, "台", "70.00", "66.50"),
    ],
    exec_weight=D(10),
    l1_weights={"产出": 40, "效益": 40, "满意度": 10},
    l1_labels={"产出": "产出指标（40分）", "效益": "效益指标（40分）", "满意度": "满意度指标（10分）"},
    inds=[
        dict(
            l1="产出",
            l2="数量指标",
            name="购置医疗设备",
            kind="eq",
            t=D("29"),
            a=D("29"),
            cu="台（套）",
            target="=29",
            actual="29",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="新增急救及重症监护设备",
            kind="ge",
            t=D("15"),
            a=D("18"),
            cu="台",
            target="≥15",
            actual="18",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="数量指标",
            name="大型影像设备（CT、DR）",
            kind="ge",
            t=D("3"),
            a=D("3"),
            cu="台",
            target="≥3",
            actual="3",
            weight=D(4),
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="设备验收合格率",
            kind="eq",
            t=D("100"),
            a=D("100"),
            cu="%",
            target="100",
            actual="100",
            weight=D(4),
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="设备完好率",
            kind="ge",
            t=D("95"),
            a=D("98.6"),
            cu="%",
            target="≥95",
            actual="98.6",
            weight=D(4),
        ),
        dict(
            l1="产出",
            l2="质量指标",
            name="医技人员操作培训合格率",
            kind="ge",
            t=D("95"),
            a=D("100"),
            cu="%",
            target="≥95",
            actual="100",
            weight=D(3),
        ),
        dict(
            l1="产出",
            l2="时效指标",
            name="设备到货安装时间",
            kind="qual",
            cu="—",
            target="≤2023年10月",
            actual="2023年11月",
            factor="0.8",
            weight=D(5),
            dev="64排螺旋CT因机房辐射防护改造验收延后，11月完成安装调试，部分达成，扣1分；今后设备采购与场地改造同步规划。",
        ),
        dict(
            l1="产出",
            l2="时效指标",
            name="设备安装调试周期",
            kind="le",
            t=D("30"),
            a=D("26"),
            cu="天",
            target="≤30",
            actual="26",
            weight=D(3),
        ),
        dict(
            l1="产出",
            l2="成本指标",
            name="设备采购价格",
            kind="qual",
            cu="—",
            target="不高于省级集中采购限价",
            actual="达成",
            weight=D(4),
        ),
        dict(
            l1="产出",
            l2="成本指标",
            name="年均维保费用占设备原值比例",
            kind="le",
            t=D("5"),
            a=D("3.8"),
            cu="%",
            target="≤5",
            actual="3.8",
            weight=D(3),
        ),
        dict(
            l1="效益",
            l2="经济效益指标",
            name="影像检查人次同比增长",
            kind="ge",
            t=D("10"),
            a=D("8.6"),
            cu="%",
            target="≥10",
            actual="8.6",
            weight=D(6),
            dev="64排螺旋CT于11月投入使用，全年检查量增长未达预期；2024年加大设备使用调度，开放夜间检查。",
        ),
        dict(
            l1="效益",
            l2="经济效益指标",
            name="检查检验平均预约等待时间",
            kind="le",
            t=D("3"),
            a=D("2"),
            cu="天",
            target="≤3",
            actual="2",
            weight=D(6),
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="危急重症患者抢救成功率",
            kind="ge",
            t=D("90"),
            a=D("92.4"),
            cu="%",
            target="≥90",
            actual="92.4",
            weight=D(6),
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="开展远程影像会诊的乡镇卫生院",
            kind="ge",
            t=D("12"),
            a=D("14"),
            cu="个",
            target="≥12",
            actual="14",
            weight=D(5),
        ),
        dict(
            l1="效益",
            l2="社会效益指标",
            name="大型设备使用率",
            kind="ge",
            t=D("85"),
            a=D("88.2"),
            cu="%",
            target="≥85",
            actual="88.2",
            weight=D(6),
        ),
        dict(
            l1="效益",
            l2="可持续影响指标",
            name="医疗设备全生命周期管理制度",
            kind="qual",
            cu="—",
            target="健全",
            actual="健全",
            weight=D(6),
        ),
        dict(
            l1="效益",
            l2="可持续影响指标",
            name="设备设计使用年限",
            kind="ge",
            t=D("8"),
            a=D("8"),
            cu="年",
            target="≥8",
            actual="8",
            weight=D(5),
        ),
        dict(
            l1="满意度",
            l2="服务对象满意度指标",
            name="患者满意度",
            kind="ge",
            t=D("90"),
            a=D("96.5"),
            cu="%",
            target="≥90",
            actual="96.5",
            weight=D(6),
        ),
        dict(
            l1="满意度",
            l2="服务对象满意度指标",
            name="医务人员满意度",
            kind="ge",
            t=D("90"),
            a=D("94.8"),
            cu="%",
            target="≥90",
            actual="94.8",
            weight=D(4),
        ),
    ],
    unit_info=(
        "滨江市人民医院是一所集医疗、教学、科研、预防保健于一体的三级综合医院，开放床位1260张，设临床医技科室48个，"
        "在职职工1865人，2023年门急诊量112.6万人次、出院病人5.3万人次。"
    ),
    background=(
        "医院部分大型医疗设备使用年限已超过10年，故障率高，CT、DR检查预约时间长，急诊和重症医学科呼吸机、监护仪数量不足。"
        "经市卫健委审核、市政府同意，2023年实施医疗设备购置项目，购置64排螺旋CT、DR、彩超、生化分析仪、呼吸机、监护仪、"
        "内镜清洗消毒工作站、麻醉机等8类设备29台（套），全部按政府采购程序公开招标。"
    ),
    goal=(
        "2023年完成8类29台（套）医疗设备采购和安装，其中新增急救及重症监护设备不少于15台，设备验收合格率100%，"
        "设备于2023年10月底前到货安装；设备完好率95%以上，大型设备使用率85%以上，检查检验平均预约等待时间不超过3天，"
        "影像检查人次同比增长10%以上；患者满意度和医务人员满意度均达到90%以上。"
    ),
    done=(
        "8类29台（套）医疗设备全部完成采购、安装和验收，验收合格率100%，其中新增呼吸机、监护仪等急救及重症监护设备18台；"
        "除64排螺旋CT因机房防护改造于2023年11月完成安装外，其余设备均于10月底前到货安装；设备完好率98.6%，"
        "大型设备使用率88.2%，检查检验平均预约等待时间由5天缩短至2天，影像检查人次同比增长8.6%。"
    ),
    survey=(
        "医院委托第三方于2023年12月开展满意度调查，发放患者问卷200份，回收192份，患者满意度96.5%；"
        "发放医务人员问卷60份，回收58份，医务人员满意度94.8%。"
    ),
    organise=(
        "医院成立了由院长任组长、分管副院长任副组长，设备科、财务科、医务科、审计科负责人为成员的项目领导小组。"
        "设备论证、采购、验收、付款各环节分设岗位、相互制约；设备采购全部委托市公共资源交易中心公开招标，"
        "到货后由设备科、使用科室和供应商三方联合验收，大型设备经第三方检测合格后投入使用。"
    ),
    finance=(
        "项目资金实行专账核算，财政资金和自筹资金分别记账。设备款按合同约定分期支付：到货验收合格后支付合同金额的90%或95%，"
        "余款作为质保金或待验收后支付，付款审批手续完备，无截留、挤占、挪用情况。"
    ),
    benefit=(
        "新购设备投入使用后，CT、DR检查平均预约等待时间由5天缩短至2天，影像检查人次同比增长8.6%；"
        "新增呼吸机、监护仪等18台急救及重症监护设备，全年危急重症患者抢救成功率92.4%；"
        "依托新购设备为14个乡镇卫生院开展远程影像会诊，优质医疗资源下沉基层。"
    ),
    problems=(
        "一是64排螺旋CT因机房辐射防护改造验收延后，11月方完成安装，晚于计划1个月，影像检查人次增长未达到10%的目标；"
        "二是设备款按合同分期支付，质保金和CT尾款{BAL}万元尚未支付，预算执行率{RATE}。改进措施：设备采购与场地改造同步规划，"
        "质保期满后及时支付质保金，加强大型设备使用效益分析。"
    ),
    publish="自评结果将作为医院2025年设备购置预算安排的依据，并按要求在医院门户网站公开。",
)


def derive_hosp(R, clean=True):
    M = {"R": R}
    rows = []
    TB = TS = D(0)
    for i, (name, qty, unit, b, s) in enumerate(R["items"]):
        b, s = D(b), D(s)
        TB, TS = TB + b, TS + s
        rows.append(
            {
                "no": str(i + 1),
                "name": name,
                "qty": f"{qty}{unit}",
                "b": wsep(b),
                "s": wsep(s),
                "bal": wsep(b - s),
                "rate": pct(q2(s / b * 100)),
            }
        )
    M["rows"] = rows
    nqty = sum(q for _, q, _, _, _ in R["items"])
    M["total"] = {
        "no": "",
        "name": "合计",
        "qty": f"{nqty}台（套）",
        "b": wsep(TB),
        "s": wsep(TS),
        "bal": wsep(TB - TS),
        "rate": pct(q2(TS / TB * 100)),
    }
    RATE = pct(q2(TS / TB * 100))
    fin = D(R["fin_amount"])
    own = TB - fin
    fin_s = min(fin, TS)  # 财政资金先行支付
    own_s = TS - fin_s
    w = R["exec_weight"]
    exec_score = q2(w * TS / TB)
    assert exec_score == q2(w * q2(TS / TB * 100) / 100), "ambiguous execution score rounding"
    M["exec"] = {"weight": trim(w), "score": trim(exec_score)}
    M["funds_rows"] = [
        ("年度资金总额", wsep(TB), wsep(TB), wsep(TS)),
        ("其中：财政拨款", wsep(fin), wsep(fin), wsep(fin_s)),
        ("上年结转资金", "0", "0", "0"),
        ("其他资金（医院自筹）", wsep(own), wsep(own), wsep(own_s)),
    ]
    M["funds_head"] = {"rate": RATE}
    F = {
        "B": wsep(TB),
        "S": wsep(TS),
        "BAL": wsep(TB - TS),
        "RATE": RATE,
        "FIN": wsep(fin),
        "OWN": wsep(own),
        "N": str(nqty),
    }
    M["F"] = F
    inds = []
    R2 = dict(R, inds=[dict(i, unit=i.get("unit", "")) for i in R["inds"]])  # targets carry no unit
    for x in _score_inds(R2, clean):
        src = next(i for i in R["inds"] if i["name"] == x["name"])
        x["cu"] = src["cu"]
        inds.append(x)
    if clean:
        _check_scheme(R, inds, w)
        assert nqty == 29
    M["inds"] = inds
    total = exec_score + sum((x["score_dec"] for x in inds), D(0))
    M["total_s"] = trim(total)
    M["total_table"] = trim(total)
    M["grade"] = band(total)
    y = R["year"]
    T = {}
    funds = (
        f"项目总预算{F['B']}万元，其中{R['fin_label']}{F['FIN']}万元（{R['fin_doc']}），{R['self_label']}{F['OWN']}万元，"
        f"资金已全部到位。截至{y}年12月31日，项目实际支付{F['S']}万元，结转结余{F['BAL']}万元，预算执行率{RATE}。"
        f"结转结余为设备质保金及64排螺旋CT验收尾款，按合同于质保期满或验收后支付。"
    )
    _copies(T, "funds", funds, "summary", "body")
    _copies(T, "goal", R["goal"], "summary", "body", "table")
    _copies(T, "done", R["done"], "summary", "body", "table")
    _copies(T, "survey", R["survey"], "summary", "body")
    _copies(T, "problems", R["problems"].format(**F), "summary", "body")
    T["conclusion"] = {
        "summary": f"自评得分：{M['total_s']}分    自评等级：{M['grade']}",
        "body": (
            f"经对照项目支出绩效自评表逐项评分，预算执行率得分{M['exec']['score']}分，产出指标、效益指标和满意度指标合计得分"
            f"{trim(total - exec_score)}分，自评总分{M['total_s']}分，自评等级为“{M['grade']}”。"
        ),
        "table": M["grade"],
    }
    names = "、".join(f"{n}{q}{u}" for n, q, u, _, _ in R["items"])
    T["items"] = {"body": f"项目购置设备清单：{names}，共计{nqty}台（套）。"}
    M["text"] = T
    M["sign_date"] = R["sign_date"]
    return M


def hosp_blocks(M):
    R, T, y = M["R"], M["text"], M["R"]["year"]
    H1, H2, P = (lambda s: Para(s, "h1")), (lambda s: Para(s, "h2")), (lambda s: Para(s, "body"))
    b = [
        Para("", "cover-gap"),
        Para(R["org"], "title"),
        Para(f"{y}年度{R['project']}", "cover-title"),
        Para("支出绩效自评报告", "cover-title"),
        Para("5", "cover-gap"),
    ]
    for line in (
        f"项目名称：{R['project']}",
        f"支出功能科目编码：{R['func_code']}",
        f"项目实施单位：{R['org']}",
        f"主管部门：{R['dept']}",
        "评价方式：单位自评",
        f"报告时间：{R['report_date']}",
    ):
        b.append(Para(line, "cover"))
    b += [PageBreak(), Para("项目支出绩效自评报告表", "table-title")]
    sig = " " * 6
    rows = [
        [C("项目名称"), C(R["project"], cs=4)],
        [C("项目单位"), C(R["org"], cs=2), C("主管部门"), C(R["dept"])],
        [C("项目负责人"), C(f"{R['leader']}（{R['leader_title']}）", cs=2), C("联系电话"), C(R["phone"])],
        [C("项目起止时间"), C(R["period"], cs=4)],
        [C("项目资金情况"), C(T["funds"]["summary"], cs=4, align="justify", indent=True)],
        [C("项目绩效目标"), C(T["goal"]["summary"], cs=4, align="justify", indent=True)],
        [C("项目完成情况"), C(T["done"]["summary"], cs=4, align="justify", indent=True)],
        [C("满意度调查情况"), C(T["survey"]["summary"], cs=4, align="justify", indent=True)],
        [C("存在问题及改进措施"), C(T["problems"]["summary"], cs=4, align="justify", indent=True)],
        [
            C("自评结论"),
            C([T["conclusion"]["summary"], f"（{HOSP_BAND_NOTE}）"], cs=4, align="center", indent=False),
        ],
        [C("评价人员", rs=1 + len(R["evaluators"])), C("姓名"), C("职务/职称"), C("单位"), C("签字")],
    ]
    for name, title, unit in R["evaluators"]:
        rows.append([C(name), C(title), C(unit), C(name)])
    d = M["sign_date"]
    rows.append(
        [
            C(
                [
                    f"项目实施单位负责人（签字）：{R['head']}{sig}{d}",
                    f"项目实施单位（盖章）：{R['org']}{sig}{d}",
                    f"主管部门负责人（签字）：{R['dept_head']}{sig}{d}",
                    f"主管部门（盖章）：{R['dept']}{sig}{d}",
                ],
                cs=5,
                align="left",
                indent=False,
            )
        ]
    )
    b.append(Table([2.7, 3.0, 3.6, 3.2, 3.1], rows, size=11))
    b += [
        PageBreak(),
        Para(f"{R['org']}{y}年度", "title"),
        Para(f"{R['project']}支出绩效自评报告", "title"),
        P(
            f"根据{R['notice']}要求，我院成立了绩效自评工作小组，对{y}年度{R['project']}开展了绩效自评，现将自评情况报告如下："
        ),
        H1("一、项目基本情况"),
        H2("（一）单位概况"),
        P(R["unit_info"]),
        H2("（二）项目立项及主要内容"),
        P(R["background"]),
        P(T["items"]["body"]),
        H2("（三）项目绩效目标"),
        P(T["goal"]["body"]),
        H1("二、项目资金情况"),
        P(T["funds"]["body"]),
        Para(f"表1  {y}年度医疗设备购置资金使用情况表", "caption"),
        Para("单位：万元", "unit"),
    ]
    hdr = ["序号", "设备名称", "数量", "预算金额", "实际支付", "结转结余", "执行率"]
    rows = [[C(h, bold=True) for h in hdr]]
    for r in M["rows"] + [M["total"]]:
        cells = [C(r["no"]), C(r["name"], align="left", indent=False)]
        cells += [C(r[k]) for k in ("qty", "b", "s", "bal", "rate")]
        if r is M["total"]:
            cells[0:2] = [C("合计", cs=2)]
        rows.append(cells)
    b.append(Table([0.9, 4.6, 1.9, 2.1, 2.1, 2.0, 1.9], rows, size=10.5))
    b += [
        H1("三、项目组织实施及管理情况"),
        H2("（一）组织实施情况"),
        P(R["organise"]),
        H2("（二）资金管理情况"),
        P(R["finance"]),
        H1("四、绩效目标完成情况"),
        H2("（一）产出目标完成情况"),
        P(T["done"]["body"]),
        H2("（二）效益目标完成情况"),
        P(R["benefit"]),
        H2("（三）满意度情况"),
        P(T["survey"]["body"]),
        H1("五、自评结论"),
        P(T["conclusion"]["body"]),
        P(f"自评等级划分：{HOSP_BAND_NOTE}。"),
        H1("六、存在的问题及改进措施"),
        P(T["problems"]["body"]),
        H1("七、自评结果应用"),
        P(R["publish"]),
        Para("附件：项目支出绩效自评表", "plain"),
        Para(R["org"], "right"),
        Para(M["sign_date"], "right"),
        PageBreak(),
        Para("附件", "attach"),
        Para("项目支出绩效自评表", "table-title"),
        Para(f"（{y}年度）", "center"),
    ]
    fr = M["funds_rows"]
    z = [
        [C("项目名称", cs=2), C(f"{y}年度{R['project']}", cs=3), C("实施单位"), C(R["org"], cs=3)],
        [C("主管部门", cs=2), C(R["dept"], cs=3), C("项目负责人"), C(R["leader"], cs=3)],
        [
            C("项目资金（万元）", rs=5),
            C("", cs=2),
            C("年初预算数"),
            C("全年预算数"),
            C("全年执行数"),
            C("分值"),
            C("执行率"),
            C("得分"),
        ],
        [
            C(fr[0][0], cs=2),
            C(fr[0][1]),
            C(fr[0][2]),
            C(fr[0][3]),
            C(M["exec"]["weight"]),
            C(M["funds_head"]["rate"]),
            C(M["exec"]["score"]),
        ],
    ]
    for lab, p0, full, s in fr[1:]:
        z.append([C(lab, cs=2), C(p0), C(full), C(s), C("—"), C("—"), C("—")])
    z += [
        [C("年度总体目标", rs=2), C("预期目标", cs=4), C("实际完成情况", cs=4)],
        [
            C(T["goal"]["table"], cs=4, align="justify", indent=False),
            C(T["done"]["table"], cs=4, align="justify", indent=False),
        ],
        [
            C(h)
            for h in (
                "一级指标",
                "二级指标",
                "三级指标",
                "计量单位",
                "年度指标值",
                "实际完成值",
                "分值",
                "得分",
            )
        ]
        + [C("偏差原因分析及改进措施")],
    ]
    inds = M["inds"]
    for i, ind in enumerate(inds):
        row = _l1_l2_cells(inds, i, ind, R["l1_labels"])
        row += [
            C(ind["name"], align="center", indent=False),
            C(ind["cu"]),
            C(ind["target"]),
            C(ind["actual"]),
            C(ind["weight"]),
            C(ind["score"]),
            C(ind["dev"], align="left", indent=False),
        ]
        z.append(row)
    z.append([C("总分", cs=6), C("100"), C(M["total_table"]), C(f"自评等级：{T['conclusion']['table']}")])
    b.append(Table([1.1, 1.3, 2.0, 1.9, 1.9, 1.9, 1.2, 1.5, 2.8], z, size=10, header_rows=1))
    b.append(
        Para(f"单位负责人：{R['head']}        填表人：{R['filler']}        联系电话：{R['phone']}", "small")
    )
    b.append(Para(f"填报日期：{M['sign_date']}", "small"))
    return b


# ---- E3. 校园安全设施改造项目 (青禾县教育局, 2022) --------------------------------------------------


def band_school(total: Decimal) -> str:
    if total >= 90:
        return "优秀"
    if total >= 80:
        return "良好"
    if total >= 60:
        return "合格"
    return "不合格"


SCHOOL_BAND_NOTE = "90分及以上为优秀，80-89分为良好，60-79分为合格，60分以下为不合格"

SCHOOL = dict(
    name="school-safety-2022",
    year=2022,
    county="青禾县",
    org="青禾县教育局",
    project="校园安全设施改造项目",
    sign_date="2023年3月10日",
    leader="魏国平",
    reviewer="唐丽君",
    filler="何志强",
    alloc=[("青财教〔2022〕18号", "2000000.00"), ("青财教〔2022〕53号", "1400000.00")],
    subs=[  # (项目名称, 预算金额, 实际支付)
        ("校园视频监控系统升级改造", "1368000.00", "1322760.00"),
        ("一键报警及周界防护设施建设", "856000.00", "831420.00"),
        ("学校消防设施改造及微型消防站建设", "1176000.00", "1129836.00"),
    ],
    l1_weights={"决策": 15, "过程": 15, "产出": 40, "效益": 30},
    l1_labels={
        "决策": "决策（15分）",
        "过程": "过程（15分）",
        "产出": "产出（40分）",
        "效益": "效益（30分）",
    },
    inds=[
        dict(
            l1="决策",
            l2="项目立项",
            name="立项依据充分性",
            kind="qual",
            target="充分",
            actual="充分",
            weight=D(3),
        ),
        dict(
            l1="决策",
            l2="项目立项",
            name="立项程序规范性",
            kind="qual",
            target="规范",
            actual="规范",
            weight=D(3),
        ),
        dict(
            l1="决策",
            l2="绩效目标",
            name="绩效目标合理性",
            kind="qual",
            target="合理",
            actual="基本合理",
            weight=D(3),
            score="2.4",
            dev="年度目标未区分城区和农村学校，目标设置偏宽泛；2023年分类设定目标。",
        ),
        dict(
            l1="决策",
            l2="绩效目标",
            name="绩效指标明确性",
            kind="qual",
            target="明确",
            actual="部分指标未量化",
            weight=D(2),
            score="1.2",
            dev="效益指标以定性为主，未细化量化；下年度增设可量化的效益指标。",
        ),
        dict(
            l1="决策",
            l2="资金投入",
            name="预算编制科学性",
            kind="qual",
            target="科学",
            actual="基本科学",
            weight=D(2),
            score="1.4",
            dev="预算按学校数估算，未逐校测算工程量，预算与中标价差距较大；今后逐校测算。",
        ),
        dict(
            l1="决策",
            l2="资金投入",
            name="资金分配合理性",
            kind="qual",
            target="合理",
            actual="合理",
            weight=D(2),
        ),
        dict(l1="过程", l2="资金管理", name="预算执行率", kind="exec", weight=D(5)),
        dict(
            l1="过程",
            l2="资金管理",
            name="资金支付及时性",
            kind="qual",
            target="按合同约定及时支付",
            actual="按时完成",
            weight=D(2),
        ),
        dict(
            l1="过程",
            l2="资金管理",
            name="资金使用合规性",
            kind="qual",
            target="合规",
            actual="合规",
            weight=D(2),
        ),
        dict(
            l1="过程",
            l2="组织实施",
            name="管理制度健全性",
            kind="qual",
            target="健全",
            actual="健全",
            weight=D(3),
        ),
        dict(
            l1="过程",
            l2="组织实施",
            name="制度执行有效性",
            kind="qual",
            target="有效",
            actual="基本有效",
            weight=D(3),
            score="2.1",
            dev="3所学校施工现场管理记录不全，监理日志缺失；已责令补齐，今后加强过程检查。",
        ),
        dict(
            l1="产出", l2="产出数量", name="改造学校", kind="eq", t=D("28"), a=D("28"), unit="所", weight=D(6)
        ),
        dict(
            l1="产出",
            l2="产出数量",
            name="新增更新高清监控摄像头",
            kind="ge",
            t=D("560"),
            a=D("586"),
            unit="个",
            weight=D(6),
        ),
        dict(
            l1="产出",
            l2="产出数量",
            name="安装一键报警装置",
            kind="ge",
            t=D("28"),
            a=D("28"),
            unit="套",
            weight=D(4),
        ),
        dict(
            l1="产出",
            l2="产出数量",
            name="建设微型消防站",
            kind="ge",
            t=D("10"),
            a=D("7"),
            unit="个",
            weight=D(4),
            dev="3所学校因场地调整未建成微型消防站，纳入2023年校舍改造一并实施。",
        ),
        dict(
            l1="产出",
            l2="产出质量",
            name="工程验收合格率",
            kind="eq",
            t=D("100"),
            a=D("100"),
            unit="%",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="产出质量",
            name="监控系统联网率",
            kind="ge",
            t=D("98"),
            a=D("94.2"),
            unit="%",
            weight=D(5),
            dev="部分山区学校网络带宽不足，34个摄像头未接入县级平台；2023年协调运营商扩容。",
        ),
        dict(
            l1="产出",
            l2="产出时效",
            name="工程完工时间",
            kind="qual",
            target="2022年8月31日前",
            actual="2022年8月28日",
            weight=D(5),
        ),
        dict(
            l1="产出",
            l2="产出成本",
            name="校均改造成本",
            kind="le",
            t=D("12.5"),
            a=D("11.73"),
            unit="万元",
            weight=D(5),
        ),
        dict(
            l1="效益",
            l2="社会效益",
            name="校园安全防范能力",
            kind="qual",
            target="明显提升",
            actual="有所提升",
            weight=D(8),
            score="7.2",
            dev="部分学校夜间值守和监控值班制度落实不到位；2023年建立监控值班巡查制度。",
        ),
        dict(
            l1="效益",
            l2="社会效益",
            name="学校安全管理达标率",
            kind="ge",
            t=D("95"),
            a=D("96.4"),
            unit="%",
            weight=D(7),
        ),
        dict(
            l1="效益",
            l2="可持续影响",
            name="设施运行维护机制",
            kind="qual",
            target="健全",
            actual="初步建立",
            weight=D(5),
            score="3.5",
            dev="部分学校运维经费未落实，维护责任未明确到人；2023年将运维经费纳入学校公用经费预算。",
        ),
        dict(
            l1="效益",
            l2="满意度",
            name="师生及家长满意度",
            kind="ge",
            t=D("95"),
            a=D("88.0"),
            unit="%",
            weight=D(10),
            dev="部分家长对周界防护施工期间出入不便、监控未全部联网不满意；今后施工安排在假期并提前告知。",
        ),
    ],
    exec_dev="结余{BAL}元为招标节余资金，已按规定收回县财政统筹使用。",
    background=(
        "为贯彻落实上级关于加强中小学幼儿园安全防范工作的部署，消除校园安全隐患，县教育局于2022年春季对全县中小学校"
        "开展了安全隐患排查，发现部分学校视频监控设备老化、清晰度低，一键报警装置未全覆盖，部分学校周界防护和消防设施不达标。"
        "经县政府常务会议研究，2022年安排校园安全设施改造项目资金340万元，对全县28所学校实施视频监控升级、一键报警和周界防护、"
        "消防设施改造三类工程。"
    ),
    goal=(
        "2022年8月31日前完成全县28所学校安全设施改造，新增更新高清监控摄像头560个以上，28所学校全部安装一键报警装置，"
        "建设微型消防站10个；工程验收合格率100%，监控系统联网率98%以上，校均改造成本不超过12.5万元；"
        "学校安全管理达标率95%以上，师生及家长满意度95%以上。"
    ),
    done=(
        "28所学校安全设施改造工程于2022年8月28日全部完工并通过验收，验收合格率100%；新增更新高清监控摄像头586个，"
        "监控系统联网率94.2%；28所学校全部安装一键报警装置；建成微型消防站7个；学校安全管理达标率96.4%，"
        "师生及家长满意度88.0%。"
    ),
    organise=(
        "县教育局成立了由局长任组长的校园安全设施改造工作领导小组，局计划财务股负责资金管理，局安全股负责工程组织和质量检查。"
        "三类工程分别委托县公共资源交易中心公开招标，聘请监理单位全过程监理，工程利用暑假集中施工，"
        "竣工后由县教育局会同县应急管理局、县消防救援大队组织验收。"
    ),
    survey="2022年11月，县教育局在28所学校发放满意度调查问卷1200份，收回1156份，师生及家长满意度88.0%。",
    problems=(
        "项目实施中也存在一些问题：一是部分山区学校网络带宽不足，监控系统联网率94.2%，未达到98%的目标；"
        "二是3所学校因场地调整未建成微型消防站；三是部分学校设施运维经费未落实，维护责任未明确到人；"
        "四是预算编制未逐校测算工程量，预算与中标价差距较大；五是师生及家长满意度88.0%，未达到95%的目标。"
    ),
    suggestions=(
        "一是协调通信运营商为山区学校扩容网络带宽，2023年上半年实现监控全部联网；二是将未建成的3个微型消防站纳入2023年"
        "校舍改造项目一并实施；三是将安全设施运维经费纳入学校公用经费预算，明确维护责任人；四是今后编制预算逐校测算工程量，"
        "提高预算编制的科学性。"
    ),
)


def derive_school(R, clean=True):
    M = {"R": R}
    rows = []
    TB = TS = D(0)
    for name, b, s in R["subs"]:
        b, s = D(b), D(s)
        TB, TS = TB + b, TS + s
        rows.append({"name": name, "b": f2(b), "s": f2(s), "bal": f2(b - s), "rate": pct(q2(s / b * 100))})
    M["rows"] = rows
    M["total"] = {
        "name": "合计",
        "b": f2(TB),
        "s": f2(TS),
        "bal": f2(TB - TS),
        "rate": pct(q2(TS / TB * 100)),
    }
    RATE = pct(q2(TS / TB * 100))
    if clean:
        assert sum(D(a) for _, a in R["alloc"]) == TB
        assert TB == D("3400000.00")  # "340万元" in the background text
    F = {"B": f2(TB), "S": f2(TS), "BAL": f2(TB - TS), "RATE": RATE}
    M["F"] = F
    exec_score = q2(D(5) * TS / TB)
    assert exec_score == q2(D(5) * q2(TS / TB * 100) / 100), "ambiguous execution score rounding"
    R2 = dict(R)
    R2["inds"] = []
    for ind in R["inds"]:
        ind = dict(ind)
        if ind["kind"] == "exec":
            ind.update(
                kind="qual",
                target="100%",
                actual=RATE,
                score=str(exec_score),
                dev=R["exec_dev"].format(**F) if exec_score < 5 else "",
            )
        R2["inds"].append(ind)
    inds = _score_inds(R2, clean)
    if clean:
        _check_scheme(R, inds, 0)
    M["inds"] = inds
    sub = {l1: sum((x["score_dec"] for x in inds if x["l1"] == l1), D(0)) for l1 in R["l1_weights"]}
    total = sum(sub.values(), D(0))
    if clean:
        assert total == D("92.5"), total
    M["sub"] = {k: trim(v) for k, v in sub.items()}
    M["total_s"] = trim(total)
    M["grade"] = band_school(total)
    M["exec_score"] = trim(exec_score)
    y = R["year"]
    T = {}
    alloc = "、".join(f"{doc}文件下达资金{f2(a)}元" for doc, a in R["alloc"])
    T["funds"] = {
        "body": (
            f"县财政局以{alloc}，合计{F['B']}元，资金全部拨付到位。项目资金按工程类别安排："
            + "；".join(f"{r['name']}{r['b']}元" for r in rows)
            + f"。截至{y}年12月31日，项目实际支付{F['S']}元，结余{F['BAL']}元，支付率{RATE}。"
            f"各项工程款均已按合同约定按时支付，结余资金为招标节余，已按规定收回县财政统筹使用。资金使用情况见下表。"
        )
    }
    _copies(T, "goal", R["goal"], "body", "table")
    _copies(T, "done", R["done"], "body", "table")
    T["process"] = {
        "body": (
            f"项目资金实行专账核算、国库集中支付，预算执行率{RATE}，工程款按合同约定和工程进度按时支付，资金使用合规。"
            "县教育局制定了《校园安全设施改造项目管理办法》，管理制度健全，但3所学校施工现场管理记录不全、监理日志缺失，"
            "制度执行有待加强。"
        )
    }
    T["conclusion"] = {
        "body": (
            f"根据项目支出绩效评价指标体系，经自评，决策指标得分{M['sub']['决策']}分，过程指标得分{M['sub']['过程']}分，"
            f"产出指标得分{M['sub']['产出']}分，效益指标得分{M['sub']['效益']}分，综合得分{M['total_s']}分，"
            f"自评等级为“{M['grade']}”。"
        ),
        "table": M["grade"],
    }
    T["project"] = {"title": R["project"], "table": R["project"]}
    M["text"] = T
    M["sign_date"] = R["sign_date"]
    return M


def school_blocks(M):
    R, T, y = M["R"], M["text"], M["R"]["year"]
    H1, P = (lambda s: Para(s, "h1")), (lambda s: Para(s, "body"))
    b = [
        Para(f"{R['county']}{y}年度{T['project']['title']}", "title"),
        Para("支出绩效自评报告", "title"),
        Para(f"{R['org']}    {R['sign_date']}", "center"),
        P(
            f"根据县财政局关于开展{y}年度项目支出绩效自评工作的要求，县教育局组织计划财务股、安全股和有关学校，"
            f"对{y}年度{T['project']['title']}的资金使用和绩效目标完成情况进行了自评。现将有关情况报告如下。"
        ),
        H1("一、项目基本情况"),
        P(R["background"]),
        P("项目年度绩效目标为：" + T["goal"]["body"]),
        H1("二、项目资金安排和使用情况"),
        P(T["funds"]["body"]),
        Para("单位：元", "unit"),
    ]
    hdr = ["项目名称", "预算金额（元）", "实际支付（元）", "结余（元）", "支付率"]
    rows = [[C(h, bold=True) for h in hdr]]
    for r in M["rows"] + [M["total"]]:
        rows.append(
            [C(r["name"], align="left" if r is not M["total"] else "center", indent=False)]
            + [C(r[k]) for k in ("b", "s", "bal", "rate")]
        )
    b.append(Table([5.2, 2.8, 2.8, 2.4, 2.2], rows, size=11))
    b += [
        H1("三、项目组织实施情况"),
        P(R["organise"]),
        H1("四、项目绩效情况"),
        P(
            "从决策情况看，项目立项依据充分、程序规范，资金按学校数和工程类别分配合理；但年度绩效目标未区分城区和农村学校，"
            "效益指标以定性为主，预算编制未逐校测算工程量，预算与中标价差距较大。"
        ),
        P("从过程情况看，" + T["process"]["body"]),
        P("从产出和效益情况看，" + T["done"]["body"]),
        P(
            "项目实施后，全县28所学校视频监控、一键报警和消防设施基本达标，2022年秋季学期全县"
            "未发生校园安全责任事故，校园安全防范能力有所提升，但部分学校夜间值守和监控值班制度落实不到位，设施运维经费未落实，运行维护机制尚未健全。"
            + R["survey"]
        ),
        H1("五、自评结论"),
        P(T["conclusion"]["body"] + f"（评分等级：{SCHOOL_BAND_NOTE}。）"),
        H1("六、存在的问题"),
        P(R["problems"]),
        H1("七、改进措施和建议"),
        P(R["suggestions"]),
        Para("附件：项目支出绩效自评表", "plain"),
        Para(R["org"], "right"),
        Para(M["sign_date"], "right"),
        PageBreak(),
        Para("附件", "attach"),
        Para("项目支出绩效自评表", "table-title"),
        Para(f"（{y}年度）", "center"),
    ]
    z = [
        [C("项目名称", cs=2), C(T["project"]["table"], cs=6)],
        [C("主管部门", cs=2), C(R["org"], cs=2), C("实施单位", cs=2), C(R["org"], cs=2)],
        [C("年度绩效目标", cs=2), C(T["goal"]["table"], cs=6, align="justify", indent=False)],
        [C("全年完成情况", cs=2), C(T["done"]["table"], cs=6, align="justify", indent=False)],
        [C(h) for h in ("一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分")]
        + [C("偏差原因分析及改进措施")],
    ]
    inds = M["inds"]
    for i, ind in enumerate(inds):
        row = _l1_l2_cells(inds, i, ind, R["l1_labels"])
        row += [
            C(ind["name"], align="center", indent=False),
            C(ind["target"]),
            C(ind["actual"]),
            C(ind["weight"]),
            C(ind["score"]),
            C(ind["dev"], align="left", indent=False),
        ]
        z.append(row)
    z.append([C("综合得分", cs=5), C("100"), C(M["total_s"]), C(f"自评等级：{T['conclusion']['table']}")])
    b.append(Table([1.3, 1.4, 2.3, 2.1, 2.1, 1.0, 1.4, 3.8], z, size=9.5))
    b.append(
        Para(
            f"单位负责人：{R['leader']}    审核人：{R['reviewer']}    填表人：{R['filler']}",
            "small",
        )
    )
    b.append(Para(f"填报日期：{M['sign_date']}", "small"))
    return b


# ---- E4. mutations of the three reports ----------------------------------------------------------


def roads_subtotal(M):
    g = M["groups"][1]
    sub = g["sub"]
    assert sub["s"] == "1206.09" and M["total"]["s"] == "2298.71"
    sub["s"] = "1216.09"
    return [
        item(
            "sum",
            "error",
            ["1216.09"],
            "乡村道养护小计实际支出应为本组 5 行之和 1206.09，误为 1216.09（合计行 2298.71 正确，为 9 个子项目之和）",
            accept=["mismatch", "balance", "rate"],
        ),
        item(
            "mismatch",
            "error",
            ["1206.09"],
            "连带：正文称乡村道养护支出 1206.09 万元，资金表小计为 1216.09",
            accept=["text", "sum"],
            optional=True,
        ),
        item(
            "sum",
            "error",
            [["2308.71", "2298.71"]],
            "连带：合计实际支出 2298.71 与两个小计之和 1092.62+1216.09=2308.71 不符（错在小计）",
            accept=["mismatch"],
            optional=True,
        ),
        item(
            "balance",
            "error",
            [["78.41", "68.41"]],
            "连带：乡村道养护小计结转结余 78.41 与 1284.50−1216.09=68.41 不符",
            accept=["sum", "mismatch"],
            optional=True,
        ),
        item(
            "rate",
            "error",
            [["0.9390", "0.9467", "93.90", "94.67"]],
            "连带：乡村道养护小计执行率 0.9390 与 1216.09÷1284.50=0.9467 不符；正文 93.90% 按 1206.09 计算",
            accept=["mismatch"],
            optional=True,
        ),
    ]


def roads_fraction_rate(M):
    r = next(x for g in M["groups"] for x in g["rows"] if x["name"] == "县道桥梁养护及危桥改造")
    assert r["rate"] == "0.9312"
    r["rate"] = "0.9213"
    return [
        item(
            "rate",
            "error",
            ["0.9213"],
            "县道桥梁养护及危桥改造执行率 291.00÷312.50=0.9312，表中（小数形式）填 0.9213",
        )
    ]


def roads_sources(M):
    s = next(x for x in M["sources"] if x["name"] == "省级资金")
    assert s["amt"] == "620.00" and M["src_total"] == "2475.08"
    s["amt"] = "602.00"
    M["src_total"] = "2457.08"
    return [
        item(
            "sum",
            "error",
            [["2457.08", "602.00"]],
            "资金来源表省级资金 620.00 误为 602.00、合计随之为 2457.08（表内可加总），与资金使用表预算合计 2475.08 及正文所述省级资金 620.00 万元不符",
            accept=["mismatch"],
        )
    ]


def roads_rename(M):
    r = next(x for x in M["groups"][1]["rows"] if x["name"] == "乡村道安全隐患整治")
    r["name"] = "乡村道路安全隐患治理"
    return [
        item(
            "text",
            "warning",
            [["隐患治理", "隐患整治"]],
            "资金使用表子项目名称“乡村道路安全隐患治理”与资金安排概况“乡村道安全隐患整治”不一致",
            accept=["mismatch"],
        )
    ]


def roads_slash_dev(R):
    _ind(R, "养护工程完工及时率")["dev"] = "/"
    return [
        item(
            "missing",
            "warning",
            [["养护工程完工及时率", "完工及时率", "91.7"]],
            "养护工程完工及时率目标 ≥95%、实际 91.7%（按比例得 4.83 分），偏差原因分析栏只填“/”",
        )
    ]


def roads_goal_copy(M):
    replace_in(M, "goal", "table", "实施路面修复（中修）42公里", "实施路面修复（中修）24公里")
    return [
        item(
            "text",
            "warning",
            ["24公里"],
            "自评表年度总体目标称“实施路面修复（中修）24公里”，正文绩效目标及指标表为 42 公里",
            accept=["mismatch"],
        )
    ]


def roads_exec_mismatch(M):
    assert M["sf"]["s"] == "2298.71"
    M["sf"]["s"] = "2289.71"
    return [
        item(
            "mismatch",
            "error",
            ["2289.71"],
            "自评表全年执行数 2289.71 万元，资金使用表及正文实际支出为 2298.71 万元（执行率 92.87%、得分 9.29 按后者计算）",
            accept=["text", "rate", "sum"],
        ),
        item(
            "rate",
            "warning",
            [["92.87", "2289.71"]],
            "连带：自评表执行率 92.87% 与 2289.71÷2475.08=92.51% 不符",
            accept=["mismatch", "score"],
            optional=True,
        ),
    ]


def hosp_survey_text(M):
    replace_in(M, "survey", "body", "患者满意度96.5%", "患者满意度95.6%")
    return [
        item(
            "mismatch",
            "warning",
            ["95.6"],
            "正文满意度情况称患者满意度 95.6%，自评报告表及绩效自评表为 96.5%",
            accept=["text"],
        )
    ]


def hosp_time_full(R):
    i = _ind(R, "设备到货安装时间")
    i["score_override"] = D("5")
    i["dev"] = ""
    return [
        item(
            "score",
            "error",
            [["设备到货安装时间", "2023年11月"]],
            "时效指标“设备到货安装时间”目标 ≤2023年10月、实际 2023年11月，未完成却给满分 5 分（原应部分得分 4 分）；总分随之多 1 分",
        ),
        item(
            "missing",
            "warning",
            [["设备到货安装时间", "2023年11月"]],
            "连带：该指标未完成，偏差原因分析栏为空",
            accept=["score"],
            optional=True,
        ),
    ]


def hosp_overspend(R):
    items = R["items"]
    k = next(i for i, x in enumerate(items) if x[0] == "麻醉机")
    assert items[k][4] == "66.50"
    items[k] = items[k][:4] + ("72.30",)
    return [
        item(
            "logic",
            "warning",
            [["麻醉机", "103.29", "-2.30"]],
            "麻醉机预算 70.00 万元，实际支付 72.30 万元（执行率 103.29%，结转结余 −2.30），超预算支付，且与“按合同支付 90%/95%、余款为质保金”的说明矛盾",
            accept=["rate", "balance", "sum", "mismatch"],
        )
    ]


def hosp_unit_yuan(M):
    replace_in(M, "funds", "summary", "项目总预算1,286.50万元", "项目总预算1,286.50元")
    return [
        item(
            "mismatch",
            "warning",
            ["1286.50"],
            "自评报告表“项目资金情况”称项目总预算 1,286.50 元（单位误写，应为万元），与正文及资金表 1,286.50 万元不符",
            accept=["text", "sum"],
        )
    ]


def hosp_table_total(M):
    right = D(M["total_s"])
    M["total_table"] = trim(right + 1)
    return [
        item(
            "sum",
            "error",
            [trim(right + 1)],
            f"绩效自评表总分 {trim(right + 1)} 与各项得分之和 {trim(right)} 不符（报告表和正文为 {trim(right)}）",
            accept=["mismatch", "score"],
        )
    ]


def hosp_rename(M):
    r = next(x for x in M["rows"] if x["name"] == "内镜清洗消毒工作站")
    r["name"] = "内镜洗消中心设备"
    return [
        item(
            "text",
            "warning",
            [["内镜洗消中心设备", "内镜清洗消毒工作站"]],
            "资金使用表设备名称“内镜洗消中心设备”与设备清单“内镜清洗消毒工作站”不一致",
            accept=["mismatch"],
        )
    ]


def hosp_blank_actual(M):
    i = next(x for x in M["inds"] if x["name"] == "设备完好率")
    assert i["actual"] == "98.6"
    i["actual"] = ""
    return [
        item("missing", "warning", ["设备完好率"], "绩效自评表“设备完好率”实际完成值空白（得分仍为 4 分）")
    ]


def school_low_pay(R):
    R["subs"] = [
        ("校园视频监控系统升级改造", "1368000.00", "820800.00"),
        ("一键报警及周界防护设施建设", "856000.00", "513600.00"),
        ("学校消防设施改造及微型消防站建设", "1176000.00", "729120.00"),
    ]
    return [
        item(
            "logic",
            "warning",
            [["资金支付及时性", "按时", "60.69"]],
            "“资金支付及时性”填“按时完成”并给满分，正文称各项工程款均已按合同约定按时支付、结余为招标节余，"
            "但支付率仅 60.69%（实际支付 2063520.00 元，结余 1336480.00 元）",
        ),
        item(
            "missing",
            "warning",
            [["60.69", "预算执行率"]],
            "连带：自评表预算执行率行只称结余为招标节余，未说明支付率 60.69% 低于 90% 的原因",
            accept=["logic"],
            optional=True,
        ),
    ]


def school_harsh_partial(R):
    _ind(R, "师生及家长满意度")["score_override"] = D("7")
    return [
        item(
            "score",
            "warning",
            [["满意度", "88.0"]],
            "师生及家长满意度目标 ≥95%、实际 88.0%，按比例应得 10×88÷95=9.26 分，仅给 7 分（偏离比例得分 2.26 分）",
        )
    ]


def school_grade(M):
    assert M["grade"] == "良好", M["total_s"]
    replace_in(M, "conclusion", "body", "自评等级为“良好”", "自评等级为“优秀”")
    M["text"]["conclusion"]["table"] = "优秀"
    return [
        item(
            "grade",
            "error",
            ["优秀"],
            f"综合得分 {M['total_s']} 分，按报告自己的等级划分（80-89分为良好）应为“良好”，却评为“优秀”（正文和自评表两处）",
        )
    ]


def school_alloc(M):
    replace_in(
        M,
        "funds",
        "body",
        "青财教〔2022〕53号文件下达资金1400000.00元",
        "青财教〔2022〕53号文件下达资金1040000.00元",
    )
    return [
        item(
            "sum",
            "error",
            ["1040000"],
            "下达文件 2000000.00+1040000.00=3040000.00 元，与所称合计及预算 3400000.00 元不符",
            accept=["mismatch"],
        )
    ]


def school_table_name(M):
    M["text"]["project"]["table"] = "校舍安全改造项目"
    return [
        item(
            "text",
            "warning",
            ["校舍安全改造"],
            "自评表项目名称为“校舍安全改造项目”，标题和正文为“校园安全设施改造项目”",
            accept=["mismatch"],
        )
    ]


def school_balance(M):
    r = M["rows"][1]
    assert r["bal"] == "342400.00", r["bal"]
    r["bal"] = "324400.00"
    return [
        item(
            "balance",
            "error",
            ["324400"],
            "一键报警及周界防护设施建设结余应为 856000.00−513600.00=342400.00 元，表中填 324400.00",
            accept=["sum"],
        ),
        item(
            "sum",
            "error",
            [["1336480", "1318480"]],
            "连带：结余列各行之和 1318480.00 与合计 1336480.00 不符",
            accept=["balance"],
            optional=True,
        ),
    ]


EXTRA2 = {  # same shape as EXTRA
    "roads-2024": (
        ROADS,
        derive_roads,
        roads_blocks,
        Style(),
        [
            ("post", roads_subtotal),
            ("post", roads_fraction_rate),
            ("post", roads_sources),
            ("post", roads_rename),
            ("pre", roads_slash_dev),
            ("post", roads_goal_copy),
            ("post", roads_exec_mismatch),
        ],
        "岚江县交通运输局 / 农村公路养护专项资金 (2024); 万元 (2 位小数); 9 个子项目分两类（一、县道养护 4 行 + 小计，"
        "二、乡村道养护 5 行 + 小计，再合计）; 资金使用表执行率以小数列示（0.9312），正文用百分数; 单独的资金来源表"
        "（中央车购税资金/省级资金/县级配套 + 合计，等于预算合计）; 财政部式自评表 50/30/10+10，年初预算数 1435.08 ≠ 全年预算数 2475.08; "
        "等级注“90分以上（含90分）为优、80分（含）至90分为良、…”",
        "clean; 执行率 92.87%（县道/乡村道路面修复 0.8607/0.8436，正文说明顺延原因）; 路面修复里程、完工及时率两项未完成按比例得分、"
        "偏差原因已填; 98.47 优",
    ),
    "hospital-equipment-2023": (
        HOSP,
        derive_hosp,
        hosp_blocks,
        Style(),
        [
            ("post", hosp_survey_text),
            ("pre", hosp_time_full),
            ("pre", hosp_overspend),
            ("post", hosp_unit_yuan),
            ("post", hosp_table_total),
            ("post", hosp_rename),
            ("post", hosp_blank_actual),
        ],
        "滨江市人民医院（市卫健委）/ 医疗设备购置项目 (2023); 万元 (千分位, 2 位小数); 自评报告表无计划投资额栏，"
        "以“项目资金情况”段落代替; 资金表 8 类设备（序号/设备名称/数量/预算金额/实际支付/结转结余/执行率）; "
        "一张绩效自评表跨三页、首行（项目名称行）重复; 计量单位单列（台/台（套）/%/天/年），指标值如“≥15”/“18”; "
        "时效指标“设备到货安装时间 ≤2023年10月”实际 2023年11月; 满意度来自问卷（发放200份、回收192份、96.5%）; "
        "产出 40/效益 40/满意度 10 + 10; 等级注写成不等式（得分≥90分为“优”…）",
        "clean; 执行率 93.13%（质保金和 CT 尾款未付，正文说明）; 到货安装时间部分达成 4/5 分、影像检查人次增长 8.6/10 按比例得分，"
        "偏差原因已填; 97.47 优",
    ),
    "school-safety-2022": (
        SCHOOL,
        derive_school,
        school_blocks,
        Style(body_size=15, line=26),
        [
            ("pre", school_low_pay),
            ("pre", school_harsh_partial),
            ("post", school_grade),
            ("post", school_alloc),
            ("post", school_table_name),
            ("post", school_balance),
        ],
        "青禾县教育局 / 校园安全设施改造项目 (2022); 叙述为主、无封面; 元 (无千分位, 2 位小数)，正文另称“340万元”; "
        "1 页资金表 3 行 + 合计（项目名称/预算金额（元）/实际支付（元）/结余（元）/支付率，无到位列）; "
        "决策/过程/产出/效益 15/15/40/30，无资金块，预算执行率为过程指标（分值 5，得分 5×支付率）; "
        "等级 优秀/良好/合格/不合格，注“90分及以上为优秀，80-89分为良好，…”",
        "clean; 支付率 96.59%（结余为招标节余）; 9 项指标未满分（定性分档或按比例），偏差原因均已填; 92.5 优秀",
    ),
}


# ----------------------------------------------------------------------------------------------
# F. Three more reports:
#    F1 县人社局 单位项目支出自评 (2023): 12 projects in one table (年初预算/上年结转/年中追加/预算合计/
#       实际支出/结余/执行率 + 合计), one narrative line per major project, "共12个项目", a short
#       财政部式 自评表 for the unit as a whole (50/30/10+10).
#    F2 矿山生态修复 (市自然资源和规划局, 2024): no summary table; a fund table with a two-level header
#       (预算数: 年初/调整后, 执行数: 金额/执行率), 万元 with 4 decimals; 自评表 with 得分 before 分值 and
#       the weight column headed 权重（%）; 优/良/中/差 without a band note (national bands).
#    F3 乡镇 以奖代补 (镇人民政府, 2023): 元 with separators, 7 villages (村名/奖补资金/已拨付/未拨付/拨付率),
#       three allocation documents, qualitative-heavy indicators, 优/良/较差/差 with a band note,
#       满意度 survey numbers in the text.
# ----------------------------------------------------------------------------------------------


def w4(x) -> str:
    return f"{D(x):.4f}"


def _exec_score(S, B, w=D(10)):
    sc = q2(w * S / B)
    assert sc == q2(w * q2(S / B * 100) / 100), "ambiguous execution score rounding"
    return sc


# ---- F1. 枫林县人力资源和社会保障局 2023 ----------------------------------------------------------

UNIT = dict(
    name="unit-projects-2023",
    year=2023,
    county="枫林县",
    org="枫林县人力资源和社会保障局",
    sign_date="2024年4月12日",
    leader="邓建华",
    reviewer="罗晓梅",
    filler="彭志远",
    projects=[  # (项目名称, 年初预算, 上年结转, 年中追加, 实际支出)
        ("就业补助资金", "120.00", "0.00", "30.00", "141.60"),
        ("城乡居民基本养老保险补助", "860.00", "0.00", "45.00", "905.00"),
        ("职业技能提升培训", "85.00", "12.40", "0.00", "88.36"),
        ("创业担保贷款贴息", "60.00", "0.00", "18.00", "71.25"),
        ("公益性岗位补贴", "150.00", "0.00", "24.00", "171.84"),
        ("劳动保障监察执法", "18.00", "0.00", "0.00", "16.52"),
        ("人事考试及职称评审", "26.00", "3.50", "0.00", "27.14"),
        ("劳动人事争议仲裁", "12.00", "0.00", "4.00", "15.06"),
        ("高层次人才引进专项", "80.00", "20.00", "0.00", "62.40"),
        ("农民工工资清欠保障", "40.00", "0.00", "0.00", "40.00"),
        ("社保经办信息化运维", "35.00", "0.00", "6.00", "38.95"),
        ("退休人员社会化管理服务", "22.00", "0.00", "0.00", "20.68"),
    ],
    major=["就业补助资金", "城乡居民基本养老保险补助", "职业技能提升培训", "创业担保贷款贴息", "公益性岗位补贴", "高层次人才引进专项"],
    l1_weights={"产出": 50, "效益": 30, "满意度": 10},
    l1_labels={"产出": "产出指标（50分）", "效益": "效益指标（30分）", "满意度": "满意度指标（10分）"},
    inds=[
        dict(l1="产出", l2="数量指标", name="城镇新增就业人数", kind="ge", t=D("3000"), a=D("3215"), unit="人", weight=D(10)),
        dict(
            l1="产出", l2="数量指标", name="职业技能培训人次", kind="ge", t=D("2500"), a=D("2380"), unit="人次", weight=D(8),
            dev="部分培训机构开班人数不足，2个班次延至2024年一季度开班；今后提前摸排培训需求。",
        ),
        dict(l1="产出", l2="数量指标", name="公益性岗位安置人数", kind="ge", t=D("580"), a=D("586"), unit="人", weight=D(8)),
        dict(
            l1="产出", l2="数量指标", name="引进高层次和急需紧缺人才", kind="ge", t=D("30"), a=D("21"), unit="人", weight=D(6),
            dev="9名拟引进人才因个人原因推迟到岗，相关安家补贴未兑付；2024年上半年完成剩余引进工作。",
        ),
        dict(l1="产出", l2="质量指标", name="城乡居民养老保险参保率", kind="ge", t=D("95"), a=D("96.3"), unit="%", weight=D(8)),
        dict(l1="产出", l2="时效指标", name="养老金按月足额发放率", kind="eq", t=D("100"), a=D("100"), unit="%", weight=D(5)),
        dict(l1="产出", l2="成本指标", name="人均培训补贴成本", kind="le", t=D("1500"), a=D("1426"), unit="元", weight=D(5)),
        dict(l1="效益", l2="社会效益指标", name="城镇登记失业率", kind="le", t=D("4.5"), a=D("3.8"), unit="%", weight=D(10)),
        dict(l1="效益", l2="社会效益指标", name="劳动人事争议仲裁结案率", kind="ge", t=D("92"), a=D("95.6"), unit="%", weight=D(10)),
        dict(l1="效益", l2="可持续影响指标", name="农民工工资拖欠案件动态清零", kind="qual", target="动态清零", actual="达成", weight=D(10)),
        dict(l1="满意度", l2="服务对象满意度指标", name="服务对象满意度", kind="ge", t=D("90"), a=D("93.5"), unit="%", weight=D(10)),
    ],
    goal=(
        "全年实现城镇新增就业3000人以上，开展职业技能培训2500人次以上，安置公益性岗位580人以上，引进高层次和急需紧缺人才30人以上；"
        "城乡居民养老保险参保率95%以上，养老金按月足额发放；城镇登记失业率控制在4.5%以内，劳动人事争议仲裁结案率92%以上，"
        "农民工工资拖欠案件动态清零，服务对象满意度90%以上。"
    ),
    done=(
        "全年城镇新增就业3215人，开展职业技能培训2380人次，安置公益性岗位586人，引进高层次和急需紧缺人才21人；"
        "城乡居民养老保险参保率96.3%，养老金按月足额发放；城镇登记失业率3.8%，劳动人事争议仲裁结案率95.6%，"
        "农民工工资拖欠案件动态清零，服务对象满意度93.5%。"
    ),
)


def derive_unit(R, clean=True):
    M = {"R": R}
    rows = []
    tot = [D(0)] * 5
    for name, b0, c, a, s in R["projects"]:
        b0, c, a, s = D(b0), D(c), D(a), D(s)
        b = b0 + c + a
        for i, v in enumerate((b0, c, a, b, s)):
            tot[i] += v
        rows.append(
            dict(name=name, b0=f2(b0), c=f2(c), a=f2(a), b=f2(b), s=f2(s), bal=f2(b - s), rate=pct(q2(s / b * 100)),
                 _b0=b0, _c=c, _a=a, _s=s)
        )
    B0, Cc, A, B, S = tot
    M["rows"] = rows
    M["total"] = dict(name="合计", b0=f2(B0), c=f2(Cc), a=f2(A), b=f2(B), s=f2(S), bal=f2(B - S), rate=pct(q2(S / B * 100)))
    RATE = M["total"]["rate"]
    es = _exec_score(S, B)
    n = len(rows)
    M["n"] = n
    M["fin"] = [  # 自评表 资金块: label, 年初, 全年, 执行, 执行率
        ("年度资金总额", f2(B0), f2(B), f2(S), RATE),
        ("其中：当年财政拨款", f2(B0), f2(B0 + A), f2(S - Cc), pct(q2((S - Cc) / (B0 + A) * 100))),
        ("上年结转资金", "0.00", f2(Cc), f2(Cc), pct(D(100))),
        ("其他资金", "0.00", "0.00", "0.00", "—"),
    ]
    if clean:
        # 上年结转 spent first: every project with a carry-over spent at least that much
        assert all(r["_s"] >= r["_c"] for r in rows)
    M["exec_score"] = trim(es)
    inds = _score_inds(R, clean)
    if clean:
        _check_scheme(R, inds, 10)
    M["inds"] = inds
    total = es + sum((x["score_dec"] for x in inds), D(0))
    M["total_s"] = trim(total)
    M["grade"] = band(total)
    if clean:
        assert total >= 90, total
    low = [r for r in rows if q2(r["_s"] / (r["_b0"] + r["_c"] + r["_a"]) * 100) < 90]
    T = {}
    T["count"] = {"body": f"{R['year']}年度我局纳入绩效自评的项目支出共{n}个项目"}
    T["funds"] = {
        "body": (
            f"，全年预算合计{f2(B)}万元，其中年初预算{f2(B0)}万元、上年结转{f2(Cc)}万元、年中追加{f2(A)}万元；"
            f"全年实际支出{f2(S)}万元，结余{f2(B - S)}万元，预算执行率{RATE}。各项目资金安排和使用情况见下表。"
        )
    }
    lines = {}
    for r in rows:
        if r["name"] not in R["major"]:
            continue
        s = f"{r['name']}：年初预算{trim(r['_b0'])}万元"
        if r["_c"]:
            s += f"，上年结转{trim(r['_c'])}万元"
        if r["_a"]:
            s += f"，年中追加{trim(r['_a'])}万元"
        s += f"，实际支出{trim(r['_s'])}万元，执行率{r['rate']}"
        if r["name"] == "高层次人才引进专项":
            s += "，执行率较低的原因是9名拟引进人才推迟到岗，安家补贴和科研启动经费未兑付"
        lines[r["name"]] = s + "。"
    T["lines"] = lines
    assert [r["name"] for r in low] == ["高层次人才引进专项"] or not clean, [r["name"] for r in low]
    exec_dev = "总体执行率达到90%以上；高层次人才引进专项执行率62.40%，因9名拟引进人才推迟到岗，2024年上半年兑付。"
    M["exec_dev"] = exec_dev
    _copies(T, "goal", R["goal"], "body", "table")
    _copies(T, "done", R["done"], "body", "table")
    T["conclusion"] = {
        "body": (
            f"经自评，预算执行得分{M['exec_score']}分，产出指标得分{trim(sum((x['score_dec'] for x in inds if x['l1'] == '产出'), D(0)))}分，"
            f"效益指标得分{trim(sum((x['score_dec'] for x in inds if x['l1'] == '效益'), D(0)))}分，"
            f"满意度指标得分{trim(sum((x['score_dec'] for x in inds if x['l1'] == '满意度'), D(0)))}分，"
            f"综合得分{M['total_s']}分，自评等级为“{M['grade']}”。"
        ),
        "table": M["grade"],
    }
    M["text"] = T
    M["sign_date"] = R["sign_date"]
    return M


def _selfeval_rows_common(inds, l1_labels, cols, weight_first=True):
    """Indicator rows: 一级 | 二级 | 三级 | 指标值 | 完成值 | (分值, 得分) or (得分, 分值) | 偏差原因."""
    z = []
    for i, ind in enumerate(inds):
        row = _l1_l2_cells(inds, i, ind, l1_labels)
        ws = [C(ind["weight"]), C(ind["score"])] if weight_first else [C(ind["score"]), C(ind["weight"])]
        row += [C(ind["name"], align="center", indent=False), C(ind["target"]), C(ind["actual"])] + ws
        row.append(C(ind["dev"], align="left", indent=False))
        z.append(row)
    return z


def unit_blocks(M):
    R, T, y = M["R"], M["text"], M["R"]["year"]
    H1, H2, P = (lambda s: Para(s, "h1")), (lambda s: Para(s, "h2")), (lambda s: Para(s, "body"))
    b = [
        Para(f"{R['org']}", "title"),
        Para(f"{y}年度项目支出绩效自评报告", "title"),
        P(
            f"按照县财政局《关于开展{y}年度预算绩效自评工作的通知》要求，我局对{y}年度项目支出开展了绩效自评，现将有关情况报告如下。"
        ),
        H1("一、单位基本情况"),
        P(
            "县人力资源和社会保障局为县政府工作部门，内设办公室、就业促进和失业保险股、养老保险股、人才开发与职业能力建设股、"
            "劳动关系股等7个股室，下属县就业服务中心、县社会保险事业中心、县劳动人事争议仲裁院、县劳动保障监察大队4个二级单位，"
            "主要负责全县就业创业、社会保险、人才人事、劳动关系和劳动保障监察等工作。"
        ),
        H1("二、项目资金安排及使用情况"),
        P(T["count"]["body"] + T["funds"]["body"]),
        Para("单位：万元", "unit"),
    ]
    hdr = ["项目名称", "年初预算", "上年结转", "年中追加", "预算合计", "实际支出", "结余", "执行率"]
    rows = [[C(h, bold=True) for h in hdr]]
    for r in M["rows"] + [M["total"]]:
        rows.append(
            [C(r["name"], align="left" if r is not M["total"] else "center", indent=False)]
            + [C(r[k]) for k in ("b0", "c", "a", "b", "s", "bal", "rate")]
        )
    b.append(Table([4.3, 1.6, 1.5, 1.5, 1.7, 1.7, 1.5, 1.6], rows, size=10, header_rows=1))
    b.append(P("主要项目资金使用情况如下："))
    for s in T["lines"].values():
        b.append(P(s))
    b += [
        H1("三、绩效目标完成情况"),
        H2("（一）年度绩效目标"),
        P(T["goal"]["body"]),
        H2("（二）目标完成情况"),
        P(T["done"]["body"]),
        P(
            "职业技能培训和人才引进两项指标未完成：部分培训机构开班人数不足，2个班次延至2024年一季度开班；"
            "9名拟引进人才因个人原因推迟到岗。其余指标均已完成。"
        ),
        H1("四、自评结论"),
        P(T["conclusion"]["body"] + "（" + GRADE_NOTE.removeprefix("备注：").rstrip("。") + "。）"),
        H1("五、存在的问题及改进措施"),
        P(
            "一是高层次人才引进专项执行率偏低，人才引进计划与资金安排衔接不够，今后按到岗进度分批安排资金；"
            "二是职业技能培训需求摸排不充分，部分班次开班人数不足，今后提前对接企业和劳动者培训需求；"
            "三是部分项目年中追加较多，年初预算编制的准确性有待提高。"
        ),
        Para("附件：单位项目支出绩效自评表", "plain"),
        Para(R["org"], "right"),
        Para(M["sign_date"], "right"),
        PageBreak(),
        Para("附件", "attach"),
        Para(f"{y}年度单位项目支出绩效自评表", "table-title"),
    ]
    z = [
        [C("单位名称", cs=2), C(R["org"], cs=3), C("项目个数", cs=1), C(f"{M['n']}", cs=2)],
        [C("年度预算执行情况（万元）", rs=5), C("")]
        + [C(h) for h in ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")],
    ]
    for i, (lab, b0, bb, s, rate) in enumerate(M["fin"]):
        z.append(
            [C(lab, align="left", indent=False), C(b0), C(bb), C(s)]
            + ([C("10"), C(rate), C(M["exec_score"])] if i == 0 else [C("—"), C(rate), C("—")])
        )
    z.append([C("年度总体目标", cs=2), C(T["goal"]["table"], cs=6, align="justify", indent=False)])
    z.append([C("实际完成情况", cs=2), C(T["done"]["table"], cs=6, align="justify", indent=False)])
    z.append([C(h) for h in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")])
    z += _selfeval_rows_common(M["inds"], R["l1_labels"], 8)
    z.append([C("总分", cs=5), C("100"), C(M["total_s"]), C(f"自评等级：{T['conclusion']['table']}")])
    b.append(Table([1.4, 1.5, 2.5, 1.9, 1.9, 1.1, 1.6, 3.2], z, size=9.5))
    b.append(Para(f"单位负责人：{R['leader']}    财务负责人：{R['reviewer']}    填表人：{R['filler']}", "small"))
    b.append(Para(f"填报日期：{M['sign_date']}", "small"))
    return b


# ---- F2. 云溪市自然资源和规划局 历史遗留矿山生态修复 2024 ---------------------------------------------

MINE = dict(
    name="twolevel-2024",
    year=2024,
    county="云溪市",
    org="云溪市自然资源和规划局",
    project="历史遗留矿山生态修复项目",
    sign_date="2025年3月20日",
    leader="龚振宇",
    reviewer="袁丽华",
    filler="沈浩然",
    subs=[  # (子项目, 年初, 调整后, 执行)
        ("青石岭废弃矿山复绿工程", "420.0000", "450.0000", "431.2560"),
        ("黄泥坳采石场边坡治理工程", "380.0000", "365.5000", "352.8715"),
        ("白沙河砂场地形整治工程", "260.0000", "260.0000", "247.3380"),
        ("矿区土壤改良及植被恢复", "185.0000", "198.2000", "171.4430"),
        ("地质灾害隐患监测设施建设", "95.0000", "88.6000", "80.1250"),
        ("修复工程监理及竣工验收", "60.0000", "57.7000", "51.9320"),
    ],
    l1_weights={"产出": 50, "效益": 30, "满意度": 10},
    l1_labels={"产出": "产出指标", "效益": "效益指标", "满意度": "满意度指标"},
    inds=[
        dict(
            l1="产出", l2="数量指标", name="矿山生态修复治理面积", kind="ge", t=D("120"), a=D("108.6"), unit="公顷", weight=D(10),
            dev="白沙河砂场11.4公顷因权属争议暂缓施工；已协调属地政府调处，2025年6月前完成。",
        ),
        dict(l1="产出", l2="数量指标", name="边坡治理长度", kind="ge", t=D("2.4"), a=D("2.4"), unit="公里", weight=D(8)),
        dict(
            l1="产出", l2="数量指标", name="植被恢复面积", kind="ge", t=D("85"), a=D("72.3"), unit="公顷", weight=D(8),
            dev="秋冬季干旱，部分补植推迟到2025年春季；已落实补植计划。",
        ),
        dict(l1="产出", l2="数量指标", name="地质灾害监测点建设", kind="eq", t=D("16"), a=D("16"), unit="个", weight=D(6)),
        dict(l1="产出", l2="质量指标", name="工程验收合格率", kind="eq", t=D("100"), a=D("100"), unit="%", weight=D(6)),
        dict(
            l1="产出", l2="时效指标", name="工程完工时间", kind="qual", target="2024年10月底前", actual="2024年12月",
            weight=D(6), score="3", dev="受汛期降雨影响停工约50天，延期2个月完工；今后合理安排工期避开主汛期。",
        ),
        dict(
            l1="产出", l2="成本指标", name="单位面积治理成本", kind="le", t=D("12"), a=D("12.3"), unit="万元/公顷", weight=D(6),
            dev="边坡加固工程量增加导致单位成本略超；今后加强前期勘察。",
        ),
        dict(
            l1="效益", l2="生态效益指标", name="修复区植被覆盖率", kind="ge", t=D("60"), a=D("52.5"), unit="%", weight=D(10),
            dev="新植苗木尚处于生长期，覆盖率未达到目标；加强抚育管护，2025年复核。",
        ),
        dict(
            l1="效益", l2="社会效益指标", name="地质灾害隐患消除", kind="qual", target="消除", actual="基本消除",
            weight=D(10), score="8", dev="黄泥坳1处隐患点仍需监测观察；已纳入监测预警体系。",
        ),
        dict(
            l1="效益", l2="可持续影响指标", name="修复区长效管护机制", kind="qual", target="建立", actual="初步建立",
            weight=D(10), score="7", dev="管护责任已落实到乡镇，管护经费渠道尚未固定；2025年纳入预算。",
        ),
        dict(
            l1="满意度", l2="服务对象满意度指标", name="周边群众满意度", kind="ge", t=D("90"), a=D("86.0"), unit="%", weight=D(10),
            dev="施工期间运输车辆扬尘和噪声影响周边群众；今后严格落实文明施工措施。",
        ),
    ],
    goal=(
        "完成历史遗留矿山生态修复治理面积120公顷，治理边坡2.4公里，恢复植被85公顷，建设地质灾害监测点16个，"
        "工程验收合格率100%，2024年10月底前完工，单位面积治理成本不超过12万元/公顷；修复区植被覆盖率达到60%以上，"
        "消除地质灾害隐患，建立修复区长效管护机制，周边群众满意度90%以上。"
    ),
)


def derive_mine(R, clean=True):
    M = {"R": R}
    rows = []
    B0 = B = S = D(0)
    for name, b0, b, s in R["subs"]:
        b0, b, s = D(b0), D(b), D(s)
        B0, B, S = B0 + b0, B + b, S + s
        rows.append(dict(name=name, b0=w4(b0), b=w4(b), s=w4(s), rate=pct(q2(s / b * 100))))
    M["rows"] = rows
    RATE = pct(q2(S / B * 100))
    M["total"] = dict(name="合计", b0=w4(B0), b=w4(B), s=w4(S), rate=RATE)
    es = _exec_score(S, B)
    M["exec_score"] = trim(es)
    M["F"] = dict(B0=w4(B0), B=w4(B), S=w4(S), BAL=w4(B - S), RATE=RATE)
    inds = _score_inds(R, clean)
    if clean:
        _check_scheme(R, inds, 10)
    M["inds"] = inds
    total = es + sum((x["score_dec"] for x in inds), D(0))
    M["total_s"] = trim(total)
    M["grade"] = band(total)
    if clean:
        assert M["grade"] == "良", total
    F = M["F"]
    T = {}
    _copies(T, "goal", R["goal"], "body", "table")
    done = (
        "全年完成矿山生态修复治理面积108.6公顷，治理边坡2.4公里，恢复植被72.3公顷，建成地质灾害监测点16个，"
        "工程验收合格率100%，工程于2024年12月完工，单位面积治理成本12.3万元/公顷；修复区植被覆盖率52.5%，"
        "地质灾害隐患基本消除，长效管护机制初步建立，周边群众满意度86.0%。"
    )
    _copies(T, "done", done, "body", "table")
    T["funds"] = {
        "body": (
            f"项目年初预算{F['B0']}万元，年中根据各子项目工程量核定情况调整为{F['B']}万元（青石岭复绿工程和土壤改良子项目"
            f"调增，其余子项目按中标价调减）。截至2024年12月31日，项目执行{F['S']}万元，结余{F['BAL']}万元，执行率{RATE}，"
            "结余资金主要为未完成治理面积对应的工程款和尚未支付的质保金。"
        )
    }
    T["conclusion"] = {
        "body": f"经自评，项目综合得分{M['total_s']}分，自评等级为“{M['grade']}”。",
        "table": M["grade"],
    }
    M["text"] = T
    M["exec_dev"] = "结余为未完成治理面积对应的工程款和质保金，2025年按进度支付。"
    M["sign_date"] = R["sign_date"]
    return M


def mine_blocks(M):
    R, T, y = M["R"], M["text"], M["R"]["year"]
    H1, P = (lambda s: Para(s, "h1")), (lambda s: Para(s, "body"))
    b = [
        Para(f"{y}年度{R['project']}", "title"),
        Para("绩效自评报告", "title"),
        H1("一、项目概况"),
        P(
            "我市历史遗留废弃矿山点多面广，部分矿山存在边坡失稳、水土流失和地质灾害隐患。为改善矿区生态环境，"
            f"市政府将{R['project']}列入{y}年民生实事，由市自然资源和规划局组织实施，项目包括复绿、边坡治理、地形整治、"
            "土壤改良及植被恢复、地质灾害监测设施建设和监理验收6个子项目。"
        ),
        P("项目年度绩效目标：" + T["goal"]["body"]),
        H1("二、项目资金使用情况"),
        P(T["funds"]["body"]),
        Para("表1  项目资金预算及执行情况", "caption"),
        Para("单位：万元", "unit"),
    ]
    rows = [
        [C("序号", rs=2, bold=True), C("子项目名称", rs=2, bold=True), C("预算数", cs=2, bold=True), C("执行数", cs=2, bold=True)],
        [C("年初", bold=True), C("调整后", bold=True), C("金额", bold=True), C("执行率", bold=True)],
    ]
    for i, r in enumerate(M["rows"], 1):
        rows.append([C(str(i)), C(r["name"], align="left", indent=False)] + [C(r[k]) for k in ("b0", "b", "s", "rate")])
    t = M["total"]
    rows.append([C("合计", cs=2)] + [C(t[k]) for k in ("b0", "b", "s", "rate")])
    b.append(Table([1.2, 5.6, 2.2, 2.2, 2.2, 1.9], rows, size=10.5, header_rows=2))
    b += [
        H1("三、项目绩效目标完成情况"),
        P(T["done"]["body"]),
        P(
            "治理面积、植被恢复面积、完工时间、单位面积成本、植被覆盖率和群众满意度等指标未完全达到年度目标，"
            "已在自评表中分析原因并按完成比例扣分。"
        ),
        H1("四、自评结论"),
        P(T["conclusion"]["body"]),
        H1("五、存在的问题和改进措施"),
        P(
            "一是项目前期勘察不够深入，白沙河砂场权属争议和边坡加固工程量增加未能提前预判，导致治理面积未完成、单位成本超标；"
            "二是工期安排未充分考虑汛期影响，工程延期完工；三是管护经费渠道尚未固定。下一步，我局将加强项目前期工作，"
            "合理安排工期，推动将修复区管护经费纳入年度预算。"
        ),
        Para(R["org"], "right"),
        Para(M["sign_date"], "right"),
        PageBreak(),
        Para("附件", "attach"),
        Para(f"项目支出绩效自评表（{y}年度）", "table-title"),
    ]
    F = M["F"]
    z = [
        [C("项目名称", cs=2), C(R["project"], cs=6)],
        [C("主管部门", cs=2), C(R["org"], cs=3), C("实施单位", cs=1), C(R["org"], cs=2)],
        [C("项目资金（万元）", rs=2, cs=2)] + [C(h) for h in ("年初预算数", "调整后预算数", "执行数", "权重（%）", "执行率", "得分")],
        [C(F["B0"]), C(F["B"]), C(F["S"]), C("10"), C(F["RATE"]), C(M["exec_score"])],
        [C("年度目标", cs=2), C(T["goal"]["table"], cs=6, align="justify", indent=False)],
        [C("实际完成情况", cs=2), C(T["done"]["table"], cs=6, align="justify", indent=False)],
        [C(h) for h in ("一级指标", "二级指标", "三级指标", "指标值", "完成值", "得分", "权重（%）", "偏差原因")],
    ]
    z += _selfeval_rows_common(M["inds"], R["l1_labels"], 8, weight_first=False)
    z.append([C("总分", cs=5), C(M["total_s"]), C("100"), C(f"自评等级：{T['conclusion']['table']}")])
    b.append(Table([1.4, 1.5, 2.5, 2.0, 1.9, 1.1, 1.6, 3.2], z, size=9.5))
    b.append(Para(f"单位负责人：{R['leader']}    财务负责人：{R['reviewer']}    填表人：{R['filler']}", "small"))
    return b


# ---- F3. 松岗镇人民政府 村级公益事业以奖代补 2023 -----------------------------------------------------

VILLAGE_BAND_NOTE = "评价等级：总分90分（含）以上为优，80分（含）至90分为良，60分（含）至80分为较差，60分以下为差。"

VILLAGE = dict(
    name="village-award-2023",
    year=2023,
    county="桐江县",
    org="桐江县松岗镇人民政府",
    project="村级公益事业建设以奖代补项目",
    sign_date="2024年3月28日",
    leader="肖卫东",
    reviewer="曹晓燕",
    filler="黎明辉",
    alloc=[("桐财农〔2023〕12号", "800000.00"), ("桐财农〔2023〕47号", "600000.00"), ("桐财农〔2023〕86号", "460000.00")],
    villages=[  # (村名, 奖补资金, 已拨付, 建设内容)
        ("松岗村", "370000.00", "370000.00", "村组道路硬化1.6公里"),
        ("青冈村", "100000.00", "100000.00", "村级文化广场1个"),
        ("石门村", "280000.00", "232400.00", "村组道路硬化1.3公里"),
        ("桂花村", "260000.00", "260000.00", "村组道路硬化1.1公里"),
        ("枫树坪村", "210000.00", "210000.00", "村级文化广场1个"),
        ("龙潭村", "380000.00", "361000.00", "村组道路硬化1.7公里及便民桥1座"),
        ("白岩村", "260000.00", "260000.00", "村级文化广场1个及路灯60盏"),
    ],
    l1_weights={"产出": 50, "效益": 30, "满意度": 10},
    l1_labels={"产出": "产出指标（50分）", "效益": "效益指标（30分）", "满意度": "满意度指标（10分）"},
    inds=[
        dict(l1="产出", l2="数量指标", name="奖补项目个数", kind="eq", t=D("7"), a=D("7"), unit="个", weight=D(8)),
        dict(l1="产出", l2="数量指标", name="硬化村组道路", kind="ge", t=D("6.5"), a=D("6.8"), unit="公里", weight=D(8)),
        dict(l1="产出", l2="数量指标", name="新建村级文化广场", kind="ge", t=D("3"), a=D("3"), unit="个", weight=D(6)),
        dict(l1="产出", l2="质量指标", name="工程质量", kind="qual", target="达到设计标准", actual="达成", weight=D(8)),
        dict(
            l1="产出", l2="时效指标", name="项目完工及时性", kind="qual", target="2023年11月底前完工", actual="基本达成",
            weight=D(6), score="4.8", dev="石门村项目因雨季影响于12月中旬完工，审计结算未完成；今后提前开工。",
        ),
        dict(l1="产出", l2="质量指标", name="奖补标准执行", kind="qual", target="按标准执行", actual="达成", weight=D(6)),
        dict(
            l1="产出", l2="成本指标", name="村民筹资筹劳到位", kind="qual", target="足额到位", actual="基本达成",
            weight=D(8), score="6.4", dev="龙潭村部分外出务工农户筹资未到位，以投劳折抵；今后加强宣传动员。",
        ),
        dict(l1="效益", l2="社会效益指标", name="村民出行和活动条件改善", kind="qual", target="明显改善", actual="效果明显", weight=D(10)),
        dict(
            l1="效益", l2="可持续影响指标", name="公益设施管护制度", kind="qual", target="建立", actual="基本达成",
            weight=D(10), score="8", dev="3个村管护制度已建立但管护人员未落实；2024年一季度落实到人。",
        ),
        dict(l1="效益", l2="社会效益指标", name="带动村民投工投劳", kind="ge", t=D("3000"), a=D("3260"), unit="个工日", weight=D(10)),
        dict(l1="满意度", l2="服务对象满意度指标", name="受益群众满意度", kind="ge", t=D("90"), a=D("92.4"), unit="%", weight=D(10)),
    ],
    survey=(260, 250, 231),  # 发放, 收回, 满意及基本满意
)


def derive_village(R, clean=True):
    M = {"R": R}
    rows = []
    TB = TP = D(0)
    for name, b, p, _ in R["villages"]:
        b, p = D(b), D(p)
        TB, TP = TB + b, TP + p
        rows.append(dict(name=name, b=yuan(b), p=yuan(p), u=yuan(b - p), rate=pct(q2(p / b * 100)), _p=p))
    M["rows"] = rows
    RATE = pct(q2(TP / TB * 100))
    M["total"] = dict(name="合计", b=yuan(TB), p=yuan(TP), u=yuan(TB - TP), rate=RATE)
    es = _exec_score(TP, TB)
    M["exec_score"] = trim(es)
    if clean:
        assert sum(D(a) for _, a in R["alloc"]) == TB
    sent, back, ok = R["survey"]
    sat = q2(D(ok) / D(back) * 100)
    assert f"{_ind(R, '受益群众满意度')['a']}" == f"{sat:.1f}", sat
    inds = _score_inds(R, clean)
    if clean:
        _check_scheme(R, inds, 10)
    M["inds"] = inds
    total = es + sum((x["score_dec"] for x in inds), D(0))
    M["total_s"] = trim(total)
    M["grade"] = band_transfer(total)
    if clean:
        assert total >= 90, total
    y = R["year"]
    T = {}
    alloc = "、".join(f"{doc}下达{yuan(a)}元" for doc, a in R["alloc"])
    T["funds"] = {
        "body": (
            f"县财政局先后以{alloc}，合计{yuan(TB)}元，用于{len(rows)}个村的村级公益事业建设奖补。截至{y}年12月31日，"
            f"镇财政所已向各村拨付奖补资金{yuan(TP)}元，未拨付{yuan(TB - TP)}元，拨付率{RATE}。"
        )
    }
    T["unpaid"] = {
        "body": (
            "未拨付资金为石门村审计结算未完成暂缓拨付的47,600.00元和龙潭村5%质量保证金19,000.00元，"
            "待审计结算和质保期满后拨付。"
        )
    }
    T["status"] = {
        "body": (
            "7个奖补项目中，6个村项目已于11月底前完工并通过镇、村联合验收，石门村村组道路硬化项目于12月中旬完工，"
            "审计结算尚未完成。"
        )
    }
    T["content"] = {"body": "；".join(f"{n}{c}" for n, _, _, c in R["villages"]) + "。"}
    T["survey"] = {
        "body": (
            f"12月，镇政府在7个项目村发放群众满意度调查问卷{sent}份，收回{back}份，其中满意及基本满意{ok}份，"
            f"满意率{sat:.1f}%。"
        )
    }
    T["conclusion"] = {
        "body": (
            f"经自评，资金执行得分{M['exec_score']}分，绩效指标得分{trim(total - es)}分，综合得分{M['total_s']}分，"
            f"评价等级为“{M['grade']}”。"
        ),
        "table": M["grade"],
    }
    M["exec_dev"] = "未拨付资金为石门村审计结算款和龙潭村质量保证金。"
    M["text"] = T
    M["sign_date"] = R["sign_date"]
    M["F"] = dict(B=yuan(TB), P=yuan(TP), RATE=RATE)
    return M


def village_blocks(M):
    R, T, y = M["R"], M["text"], M["R"]["year"]
    H1, P = (lambda s: Para(s, "h1")), (lambda s: Para(s, "body"))
    b = [
        Para(f"{R['org']}", "title"),
        Para(f"关于{y}年度{R['project']}绩效自评情况的报告", "title"),
        Para("县财政局：", "plain"),
        P(
            f"根据《关于开展{y}年度财政支出绩效自评工作的通知》要求，我镇对{y}年度{R['project']}开展了绩效自评，现将自评情况报告如下。"
        ),
        H1("一、项目基本情况"),
        P(
            "为调动村民参与村级公益事业建设的积极性，我镇按照“村民自愿、先建后补、以奖代补”的原则，对村民议定并自筹部分资金和劳力的"
            "村组道路、文化广场等公益设施项目给予奖补。2023年全镇7个村申报奖补项目，建设内容为：" + T["content"]["body"]
        ),
        H1("二、资金安排和使用情况"),
        P(T["funds"]["body"] + T["unpaid"]["body"]),
        Para("各村奖补资金拨付情况表", "caption"),
        Para("单位：元", "unit"),
    ]
    rows = [[C(h, bold=True) for h in ("村名", "奖补资金", "已拨付", "未拨付", "拨付率")]]
    for r in M["rows"] + [M["total"]]:
        rows.append([C(r["name"])] + [C(r[k]) for k in ("b", "p", "u", "rate")])
    b.append(Table([3.0, 3.3, 3.3, 3.0, 2.2], rows, size=11))
    b += [
        H1("三、项目实施和绩效目标完成情况"),
        P(
            T["status"]["body"] + "全年完成村组道路硬化6.8公里，新建村级文化广场3个，安装路灯60盏，建成便民桥1座，"
            "工程质量达到设计标准，带动村民投工投劳3260个工日。项目建成后，村民出行和文体活动条件改善效果明显。"
        ),
        P(T["survey"]["body"]),
        P(
            "项目完工及时性、村民筹资筹劳到位和公益设施管护制度三项指标基本达成：石门村项目受雨季影响延期完工，"
            "龙潭村部分外出务工农户筹资未到位，3个村管护人员未落实。"
        ),
        H1("四、自评结论"),
        P(T["conclusion"]["body"] + VILLAGE_BAND_NOTE.removeprefix("评价等级：").join(("（", "）"))),
        H1("五、存在的问题及下一步措施"),
        P(
            "一是个别项目开工较晚，受天气影响未能按期完工；二是部分农户筹资积极性不高；三是建后管护责任落实不到位。"
            "下一步，我镇将督促石门村尽快完成审计结算，及时拨付剩余资金，并指导各村落实管护人员和管护经费。"
        ),
        Para("附件：项目支出绩效自评表", "plain"),
        Para(R["org"], "right"),
        Para(M["sign_date"], "right"),
        PageBreak(),
        Para("附件", "attach"),
        Para(f"{y}年度项目支出绩效自评表", "table-title"),
    ]
    F = M["F"]
    z = [
        [C("项目名称", cs=2), C(R["project"], cs=6)],
        [C("主管部门", cs=2), C("桐江县农业农村局", cs=3), C("实施单位", cs=1), C(R["org"], cs=2)],
        [C("项目资金（元）", rs=2, cs=2)] + [C(h) for h in ("预算数", "拨付数", "拨付率", "分值", "得分", "原因")],
        [C(F["B"]), C(F["P"]), C(F["RATE"]), C("10"), C(M["exec_score"]), C(M["exec_dev"], align="left", indent=False)],
        [C(h) for h in ("一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "得分", "偏差原因分析")],
    ]
    z += _selfeval_rows_common(M["inds"], R["l1_labels"], 8)
    z.append([C("总分", cs=5), C("100"), C(M["total_s"]), C(f"评价等级：{T['conclusion']['table']}")])
    b.append(Table([1.4, 1.5, 2.5, 2.2, 1.9, 1.1, 1.2, 3.3], z, size=9.5))
    b.append(Para(VILLAGE_BAND_NOTE, "small"))
    b.append(Para(f"单位负责人：{R['leader']}    审核人：{R['reviewer']}    填表人：{R['filler']}    填报日期：{M['sign_date']}", "small"))
    return b


# ---- F4. mutations of the three reports ----------------------------------------------------------


def _mrow(M, name):
    for r in M["rows"]:
        if r["name"] == name:
            return r
    raise KeyError(name)


def unit_line_mismatch(M):
    s = M["text"]["lines"]["就业补助资金"]
    assert "实际支出141.6万元" in s
    M["text"]["lines"]["就业补助资金"] = s.replace("实际支出141.6万元", "实际支出146.1万元")
    return [
        item(
            "mismatch",
            "error",
            ["146.1"],
            "正文“就业补助资金”一行称实际支出 146.1 万元，资金表为 141.60 万元（执行率 94.40% 按后者计算）",
            accept=["rate"],
        )
    ]


def unit_count(M):
    M["rows"] = [r for r in M["rows"] if r["name"] != "退休人员社会化管理服务"]
    assert len(M["rows"]) == 11 and M["n"] == 12
    return [
        item(
            "mismatch",
            "warning",
            [["12个", "11"]],
            "正文和自评表称“共12个项目”，资金表只列出 11 个项目（退休人员社会化管理服务一行缺失）",
            accept=["text", "sum"],
        ),
        item(
            "sum",
            "error",
            [["1670.90", "1648.90", "1598.80", "1578.12", "1508.00", "1486.00"]],
            "连带：资金表合计行仍含缺失行（预算 22.00、支出 20.68），与所列 11 行之和不符",
            accept=["mismatch", "balance"],
            optional=True,
        ),
    ]


def unit_rate(M):
    r = _mrow(M, "创业担保贷款贴息")
    assert r["rate"] == "91.35%", r["rate"]
    r["rate"] = "93.15%"
    return [
        item(
            "rate",
            "error",
            ["93.15"],
            "创业担保贷款贴息执行率 71.25÷78.00=91.35%，资金表填 93.15%（正文为 91.35%）",
            accept=["mismatch"],
        ),
        item(
            "mismatch",
            "warning",
            ["91.35"],
            "连带：正文创业担保贷款贴息执行率 91.35% 与资金表 93.15% 不一致",
            accept=["rate"],
            optional=True,
        ),
    ]


def unit_balance(M):
    r = _mrow(M, "职业技能提升培训")
    assert r["bal"] == "9.04", r["bal"]
    r["bal"] = "9.40"
    return [
        item(
            "balance",
            "error",
            ["9.40"],
            "职业技能提升培训结余应为 97.40−88.36=9.04 万元，资金表填 9.40",
            accept=["sum"],
        ),
        item(
            "sum",
            "error",
            [["72.10", "72.46"]],
            "连带：结余列各行之和与合计不符",
            accept=["balance"],
            optional=True,
        ),
    ]


def unit_full_marks(R):
    _ind(R, "职业技能培训人次")["score_override"] = D("8")
    return [
        item(
            "score",
            "warning",
            ["职业技能培训"],
            "职业技能培训人次目标 ≥2500、实际 2380，应得 8×2380÷2500=7.62 分，却给满分 8 分（总分随之多 0.38 分）",
        )
    ]


def unit_placeholder(M):
    ind = next(x for x in M["inds"] if x["name"] == "公益性岗位安置人数")
    assert ind["target"] == "≥580人", ind["target"]
    ind["target"] = "≥××人"
    return [
        item(
            "missing",
            "warning",
            [["××", "公益性岗位"]],
            "自评表“公益性岗位安置人数”年度指标值为模板占位“≥××人”（正文目标为 580 人）",
        )
    ]


def mine_total(M):
    t = M["total"]
    assert t["s"] == "1334.9655", t["s"]
    t["s"] = "1343.9655"
    return [
        item(
            "sum",
            "error",
            ["1343.9655"],
            "两级表头资金表合计行执行金额应为各行之和 1334.9655，误为 1343.9655（正文和自评表为 1334.9655）",
            accept=["mismatch"],
        )
    ]


def mine_rate(M):
    r = _mrow(M, "黄泥坳采石场边坡治理工程")
    assert r["rate"] == "96.54%", r["rate"]
    r["rate"] = "92.86%"
    return [
        item(
            "rate",
            "error",
            ["92.86"],
            "黄泥坳采石场边坡治理工程执行率应为 352.8715÷365.5000=96.54%，表中填 92.86%（误按年初预算 380 计算）",
        )
    ]


def mine_score_over(R):
    _ind(R, "地质灾害监测点建设")["score_override"] = D("7.5")
    return [
        item(
            "score",
            "error",
            ["7.5"],
            "自评表（得分列在权重列之前）“地质灾害监测点建设”权重 6，得分填 7.5，超过分值（总分随之为 88.91）",
        )
    ]


def mine_grade(M):
    assert M["grade"] == "良" and M["total_s"] == "88.91", M["total_s"]
    replace_in(M, "conclusion", "body", "自评等级为“良”", "自评等级为“优”")
    M["text"]["conclusion"]["table"] = "优"
    return [
        item(
            "grade",
            "error",
            ["优"],
            "总分 88.91 分，报告未写等级划分，按通行标准（80（含）—90 为良）应为“良”，却评为“优”（正文和自评表两处）",
        )
    ]


def mine_blank_dev(R):
    _ind(R, "植被恢复面积")["dev"] = ""
    return [
        item(
            "missing",
            "warning",
            ["植被恢复面积"],
            "植被恢复面积目标 ≥85 公顷、实际 72.3 公顷（按比例得 6.8 分），偏差原因栏为空",
        )
    ]


def mine_dropped_clause(M):
    replace_in(M, "goal", "table", "建设地质灾害监测点16个，", "")
    return [
        item(
            "text",
            "warning",
            [["监测点16个", "地质灾害监测点"]],
            "自评表年度目标脱漏“建设地质灾害监测点16个”分句，正文绩效目标有",
        )
    ]


def village_balance(M):
    r = _mrow(M, "桂花村")
    assert r["u"] == "0.00", r["u"]
    r["u"] = "26,000.00"
    return [
        item(
            "balance",
            "error",
            ["26000"],
            "桂花村未拨付应为 260,000.00−260,000.00=0.00 元，表中填 26,000.00",
            accept=["sum"],
        ),
        item(
            "sum",
            "error",
            [["192600", "166600"]],
            "连带：未拨付列各行之和 192,600.00 与合计 166,600.00 不符",
            accept=["balance"],
            optional=True,
        ),
    ]


def village_rename(M):
    r = _mrow(M, "枫树坪村")
    r["name"] = "枫林坪村"
    return [
        item(
            "text",
            "warning",
            [["枫林坪", "枫树坪"]],
            "资金表村名“枫林坪村”与正文“枫树坪村”不一致",
            accept=["mismatch"],
        )
    ]


def village_zero_paid(R):
    R["villages"] = [(n, b, "0.00" if n == "青冈村" else p, c) for n, b, p, c in R["villages"]]
    return [
        item(
            "logic",
            "warning",
            [["均已完成", "青冈"]],
            "正文称 7 个奖补项目均已完成验收、资金已全部拨付到村，但青冈村已拨付 0.00 元（拨付率 0.00%），石门村、龙潭村也未拨付完毕",
            accept=["mismatch"],
        ),
        item(
            "missing",
            "warning",
            [["166600", "青冈"]],
            "连带：未拨付说明只列石门村 47,600.00 和龙潭村 19,000.00 元，未说明青冈村 100,000.00 元未拨付",
            accept=["logic", "mismatch", "sum"],
            optional=True,
        ),
    ]


def village_all_done(M):
    M["text"]["status"]["body"] = "7个村奖补项目均已完成并通过镇、村联合验收，奖补资金已按规定全部拨付到村。"
    return []


def village_survey(M):
    replace_in(M, "survey", "body", "满意率92.4%", "满意率94.2%")
    return [
        item(
            "mismatch",
            "warning",
            ["94.2"],
            "正文满意度调查称满意率 94.2%（231÷250=92.4%），自评表受益群众满意度为 92.4%",
        )
    ]


def village_alloc(M):
    replace_in(M, "funds", "body", "桐财农〔2023〕47号下达600,000.00元", "桐财农〔2023〕47号下达660,000.00元")
    return [
        item(
            "sum",
            "error",
            ["660000"],
            "下达文件 800,000.00+660,000.00+460,000.00=1,920,000.00 元，与所称合计 1,860,000.00 元不符",
            accept=["mismatch"],
        )
    ]


def village_rate(M):
    r = _mrow(M, "石门村")
    assert r["rate"] == "83.00%", r["rate"]
    r["rate"] = "88.30%"
    return [
        item("rate", "error", ["88.30"], "石门村拨付率 232,400.00÷280,000.00=83.00%，表中填 88.30%")
    ]


EXTRA3 = {  # same shape as EXTRA
    "unit-projects-2023": (
        UNIT,
        derive_unit,
        unit_blocks,
        Style(),
        [
            ("post", unit_line_mismatch),
            ("post", unit_count),
            ("post", unit_rate),
            ("post", unit_balance),
            ("pre", unit_full_marks),
            ("post", unit_placeholder),
        ],
        "枫林县人力资源和社会保障局 单位项目支出绩效自评报告 (2023); 万元 (2 位小数，正文去尾零如“120万元”); "
        "一张资金表 12 个项目（项目名称/年初预算/上年结转/年中追加/预算合计/实际支出/结余/执行率 + 合计）; "
        "正文逐项列主要项目（“就业补助资金：年初预算120万元，年中追加30万元，实际支出141.6万元，执行率94.40%”）; "
        "“共12个项目”; 单位整体的财政部式自评表 50/30/10+10（当年财政拨款/上年结转资金/其他资金）",
        "clean; 总执行率 {rate}，高层次人才引进专项 62.40% 在正文说明; 职业技能培训、人才引进两项未完成按比例得分、偏差原因已填; {total} 优",
    ),
    "twolevel-2024": (
        MINE,
        derive_mine,
        mine_blocks,
        Style(),
        [
            ("post", mine_total),
            ("post", mine_rate),
            ("pre", mine_score_over),
            ("post", mine_grade),
            ("pre", mine_blank_dev),
            ("post", mine_dropped_clause),
        ],
        "云溪市自然资源和规划局 / 历史遗留矿山生态修复项目 (2024); 无封面、无摘要表（正文 + 自评表）; 万元 (4 位小数); "
        "资金表两级表头（预算数：年初/调整后；执行数：金额/执行率）6 个子项目 + 合计; 自评表得分列在分值列之前"
        "（三级指标/指标值/完成值/得分/权重（%）/偏差原因），分值列头写“权重（%）”; 50/30/10+10; 等级 优/良/中/差，无等级划分说明",
        "clean; 执行率 {rate}; 七项指标未完成（按比例或定性分档得分），偏差原因已填; {total} 良",
    ),
    "village-award-2023": (
        VILLAGE,
        derive_village,
        village_blocks,
        Style(),
        [
            ("post", village_balance),
            ("post", village_rename),
            ("pre", village_zero_paid),
            ("post", village_all_done),
            ("post", village_survey),
            ("post", village_alloc),
            ("post", village_rate),
        ],
        "桐江县松岗镇人民政府 / 村级公益事业建设以奖代补项目 (2023); 乡镇报告，报送县财政局; 元 (千分位, 2 位小数); "
        "资金表 7 个村（村名/奖补资金/已拨付/未拨付/拨付率 + 合计）; 三个下达文件; 定性指标为主（达成/基本达成/效果明显）; "
        "50/30/10 + 资金执行 10（得分 = 10×拨付率）; 等级 优/良/较差/差，附等级划分说明; 满意度问卷数字在正文（发放260份、收回250份、满意231份）",
        "clean; 拨付率 {rate}（石门村审计结算、龙潭村质保金未拨付，正文和自评表说明）; 三项定性指标基本达成分档得分、偏差原因已填; {total} 优",
    ),
}


def _fill_notes(table):
    out = {}
    for name, v in table.items():
        M = v[1](v[0], clean=True)
        rate = M["total"]["rate"]
        out[name] = v[:6] + (v[6].format(total=M["total_s"], rate=rate),)
    return out


EXTRA3 = _fill_notes(EXTRA3)


# ----------------------------------------------------------------------------------------------
# G. Two more reports:
#    G1 全民健身设施 (县文体局, 2023): narrative amounts in 元 (2,345,600.00元) beside a 万元 fund table
#       whose columns run 项目名称/执行率/实际支出/预算数/结余; 计划投资额 split 中央/省/县/单位自筹;
#       自评表 headers 满分/自评得分; grades 优秀/良好/合格/不合格 (75-89 良好).
#    G2 森林防火 (县林业局, 四川, 2022): 5 sub-projects, 四川 funds block (财政资金/其他资金), reverse
#       targets (受害率 ≤0.9‰, 火灾次数 ≤3起) with units in their own column, execution 85.00% reported
#       honestly in 存在的问题 and in the 自评表.
# ----------------------------------------------------------------------------------------------

SPORTS_BAND_NOTE = "90分以上为优秀，75-89分为良好，60-74分为合格，60分以下为不合格"


def band_sports(total: Decimal) -> str:
    if total >= 90:
        return "优秀"
    if total >= 75:
        return "良好"
    if total >= 60:
        return "合格"
    return "不合格"


SPORTS = dict(
    name="sports-2023",
    year=2023,
    org="岳山县文体局",
    dept="岳山县文体局",
    project="全民健身设施建设项目",
    leader="韦国强",
    reviewer="龙秀芬",
    filler="石海波",
    phone="0745-6623178",
    sign_date="2024年4月12日",
    sources=[("中央补助资金", "100.00"), ("省级补助资金", "80.00"), ("县级配套资金", "90.00"), ("单位自筹", "18.00")],
    subs=[  # (名称, 预算数, 实际支出) 万元
        ("社区健身路径", "120.00", "118.22"),
        ("笼式多功能运动场", "96.00", "60.00"),
        ("全民健身中心器材购置", "45.00", "31.50"),
        ("体育公园健身步道", "27.00", "24.84"),
    ],
    l1_weights={"产出": 50, "效益": 30, "满意度": 10},
    l1_labels={"产出": "产出指标（50分）", "效益": "效益指标（30分）", "满意度": "满意度指标（10分）"},
    inds=[
        dict(l1="产出", l2="数量指标", name="新建社区健身路径", kind="ge", t=D("30"), a=D("30"), unit="个", weight=D(10)),
        dict(
            l1="产出", l2="数量指标", name="新建笼式多功能运动场", kind="ge", t=D("8"), a=D("5"), unit="个", weight=D(10),
            dev="3个村因村民对选址有异议未能按期开工，已重新选址，计划2024年6月前建成。",
        ),
        dict(
            l1="产出", l2="数量指标", name="全民健身中心器材购置", kind="ge", t=D("120"), a=D("84"), unit="件（套）",
            weight=D(10), dev="供应商交付延迟，其余36件（套）于2024年1月到货。",
        ),
        dict(l1="产出", l2="质量指标", name="工程验收合格率", kind="eq", t=D("100"), a=D("100"), unit="%", weight=D(10)),
        dict(
            l1="产出", l2="时效指标", name="项目完工及时率", kind="ge", t=D("95"), a=D("70"), unit="%", weight=D(10),
            dev="笼式多功能运动场未开工、器材延迟交付，影响按期完工。",
        ),
        dict(
            l1="效益", l2="社会效益指标", name="新增全民健身场地面积", kind="ge", t=D("1.2"), a=D("0.96"), unit="万平方米",
            weight=D(10), dev="3个笼式多功能运动场未建成，相应场地面积未实现。",
        ),
        dict(
            l1="效益", l2="社会效益指标", name="经常参加体育锻炼人数比例", kind="ge", t=D("38"), a=D("35.2"), unit="%",
            weight=D(10), dev="农村地区健身设施覆盖仍不足，群众健身习惯尚在培养。",
        ),
        dict(l1="效益", l2="可持续影响指标", name="设施正常使用年限", kind="ge", t=D("8"), a=D("8"), unit="年", weight=D(10)),
        dict(
            l1="满意度", l2="服务对象满意度指标", name="健身群众满意度", kind="ge", t=D("90"), a=D("86.4"), unit="%",
            weight=D(10), dev="部分群众反映健身器材数量偏少、夜间照明不足。",
        ),
    ],
)


def yy(wan_amount) -> str:
    """万元 → 元 with separators (2,345,600.00)."""
    return f"{D(wan_amount) * 10000:,.2f}"


def derive_sports(R, clean=True):
    M = {"R": R}
    rows = []
    TB = TS = D(0)
    for name, b, s in R["subs"]:
        b, s = D(b), D(s)
        TB, TS = TB + b, TS + s
        rows.append(dict(name=name, b=f2(b), s=f2(s), u=f2(b - s), rate=pct(q2(s / b * 100))))
    M["rows"] = rows
    RATE = pct(q2(TS / TB * 100))
    M["total"] = dict(name="合计", b=f2(TB), s=f2(TS), u=f2(TB - TS), rate=RATE)
    M["sources"] = [(lab, v) for lab, v in R["sources"]]
    if clean:
        assert sum(D(v) for _, v in R["sources"]) == TB
    es = _exec_score(TS, TB)
    M["exec_score"] = trim(es)
    inds = _score_inds(R, clean)
    if clean:
        _check_scheme(R, inds, 10)
    M["inds"] = inds
    total = es + sum((x["score_dec"] for x in inds), D(0))
    M["total_s"] = trim(total)
    grade = band_sports(total)
    if clean:
        assert grade == "良好", total
    y = R["year"]
    srcs = "、".join(f"{lab}{yy(v)}元" for lab, v in R["sources"])
    funds = (
        f"项目计划投资{yy(TB)}元，其中{srcs}，资金已全部到位。截至{y}年12月31日，项目实际支出{yy(TS)}元，"
        f"结余{yy(TB - TS)}元，预算执行率{RATE}。"
    )
    problems = (
        f"一是项目前期工作不够扎实，3个村因村民对选址有异议，笼式多功能运动场未能按期开工，预算执行率仅为{RATE}；"
        "二是部分健身器材供应商交付延迟，36件（套）器材跨年到货；三是建后管护机制不健全，部分健身路径器材缺乏日常维护。"
    )
    T = {
        "funds": {"body": funds, "summary": funds},
        "problems": {"body": problems, "summary": problems},
        "conclusion": {
            "body": f"经自评，本项目综合得分{M['total_s']}分，评价等级为“{grade}”。",
            "summary": f"综合得分{M['total_s']}分，评价等级为“{grade}”。",
            "table": grade,
        },
    }
    M["text"] = T
    M["exec_dev"] = (
        f"执行率{RATE}，低于90%：3个笼式多功能运动场未开工结余36.00万元，器材未到货尾款13.50万元，"
        "其余为招标节余和质保金，将于2024年按进度支付。"
    )
    M["B"], M["S"], M["RATE"] = f2(TB), f2(TS), RATE
    return M


def sports_blocks(M):
    R, T, y = M["R"], M["text"], M["R"]["year"]
    H1, P = (lambda s: Para(s, "h1")), (lambda s: Para(s, "body"))
    ind = {x["name"]: x for x in M["inds"]}
    b = [
        Para(f"{R['org']}{y}年度{R['project']}", "title"),
        Para("支出绩效自评报告", "title"),
        H1("一、项目基本情况"),
        P(
            f"为完善城乡全民健身公共服务体系，{y}年我局实施全民健身设施建设项目，建设内容包括社区健身路径、"
            "笼式多功能运动场、全民健身中心器材购置和体育公园健身步道4个子项目。项目年度目标为：新建社区健身路径30个、"
            "笼式多功能运动场8个，购置全民健身中心器材120件（套），新增全民健身场地面积1.2万平方米，"
            "经常参加体育锻炼人数比例达到38%。"
        ),
        H1("二、项目资金投入和使用情况"),
        P(T["funds"]["body"]),
        Para("项目资金使用情况表", "caption"),
        Para("单位：万元", "unit"),
    ]
    rows = [[C(h, bold=True) for h in ("项目名称", "执行率", "实际支出", "预算数", "结余")]]
    for r in M["rows"] + [M["total"]]:
        rows.append([C(r["name"])] + [C(r[k]) for k in ("rate", "s", "b", "u")])
    b.append(Table([4.6, 2.6, 2.8, 2.8, 2.6], rows, size=11))
    b += [
        H1("三、项目绩效目标完成情况"),
        P(
            f"全年新建社区健身路径{ind['新建社区健身路径']['actual']}、笼式多功能运动场{ind['新建笼式多功能运动场']['actual']}，"
            f"购置全民健身中心器材{ind['全民健身中心器材购置']['actual']}，工程验收合格率100%，"
            f"新增全民健身场地面积{ind['新增全民健身场地面积']['actual']}，全县经常参加体育锻炼人数比例达到"
            f"{ind['经常参加体育锻炼人数比例']['actual']}，健身群众满意度{ind['健身群众满意度']['actual']}。"
            "笼式多功能运动场、器材购置、完工及时率、场地面积、锻炼人数比例和满意度六项指标未完成，已按完成比例计分，"
            "偏差原因见自评表。"
        ),
        H1("四、存在的问题及原因"),
        P(T["problems"]["body"]),
        H1("五、下一步改进措施"),
        P("一是督促3个村完成重新选址并于2024年6月前建成笼式多功能运动场；二是加强合同履约管理，按进度支付剩余资金；"
          "三是制定全民健身设施管护办法，落实乡镇和村（社区）管护责任。"),
        H1("六、自评结论"),
        P(T["conclusion"]["body"] + f"（{SPORTS_BAND_NOTE}）"),
        Para(R["org"], "right"),
        Para(R["sign_date"], "right"),
        PageBreak(),
        Para("附件1", "attach"),
        Para(f"{y}年度项目支出绩效自评报告表", "table-title"),
    ]
    s = [
        [C("项目名称"), C(R["project"], cs=4)],
        [C("实施单位"), C(R["org"], cs=2), C("项目负责人"), C(R["leader"])],
        [C("计划投资额（万元）"), C(M["B"], cs=2), C("实际支出（万元）"), C(M["S"])],
    ]
    for i, (lab, v) in enumerate(M["sources"]):
        s.append([C(("其中：" if i == 0 else "") + lab), C(v, cs=2), C("到位数（万元）"), C(v)])
    s += [
        [C("资金投入情况"), C(T["funds"]["summary"], cs=4)],
        [C("存在的问题"), C(T["problems"]["summary"], cs=4)],
        [C("自评结论"), C([T["conclusion"]["summary"], SPORTS_BAND_NOTE], cs=4)],
        [
            C(
                [
                    f"单位负责人（签字）：{R['leader']}" + " " * 8 + R["sign_date"],
                    f"单位名称（盖章）：{R['org']}" + " " * 8 + R["sign_date"],
                ],
                cs=5,
                align="left",
                indent=False,
            )
        ],
    ]
    b.append(Table([3.4, 2.6, 2.4, 3.4, 3.6], s, size=11))
    b += [PageBreak(), Para("附件2", "attach"), Para(f"{y}年度项目支出绩效自评表", "table-title")]
    z = [
        [C("项目名称", cs=2), C(R["project"], cs=6)],
        [C("主管部门", cs=2), C(R["dept"], cs=3), C("实施单位", cs=1), C(R["org"], cs=2)],
        [C("项目资金（万元）", rs=2, cs=2)] + [C(h) for h in ("预算数", "执行数", "执行率", "满分", "自评得分", "偏差原因分析")],
        [C(M["B"]), C(M["S"]), C(M["RATE"]), C("10"), C(M["exec_score"]), C(M["exec_dev"], align="left", indent=False)],
        [C(h) for h in ("一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "满分", "自评得分", "偏差原因分析")],
    ]
    z += _selfeval_rows_common(M["inds"], R["l1_labels"], 8)
    z.append([C("合计", cs=5), C("100"), C(M["total_s"]), C(f"评价等级：{T['conclusion']['table']}")])
    b.append(Table([1.5, 1.5, 2.5, 1.9, 1.9, 1.1, 1.3, 3.9], z, size=9.5))
    b.append(Para(f"注：{SPORTS_BAND_NOTE}。", "small"))
    b.append(Para(f"单位负责人：{R['leader']}    审核人：{R['reviewer']}    填表人：{R['filler']}    联系电话：{R['phone']}    填报日期：{R['sign_date']}", "small"))
    return b


FOREST_BAND_NOTE = "评分等级：90分（含）以上为优，80分（含）-90分为良，60分（含）-80分为中，60分以下为差。"

FOREST = dict(
    name="forestry-2022",
    year=2022,
    org="青岭县林业局",
    dept="青岭县林业局",
    project="森林防火项目",
    leader="罗志刚",
    reviewer="何丽萍",
    filler="杨帆",
    phone="0839-5521736",
    sign_date="2023年4月20日",
    fin=("380.00", "380.00", "326.40"),  # 财政资金 年初, 调整后, 执行
    oth=("20.00", "20.00", "13.60"),  # 其他资金
    subs=[  # (名称, 预算数, 实际支出, 建设内容) 万元
        ("防火通道建设", "150.00", "121.50", "新建防火通道45公里"),
        ("瞭望塔及视频监控系统", "96.00", "78.72", "新建瞭望塔4座、视频监控点位24个"),
        ("扑火物资储备", "64.00", "61.44", "储备扑火物资1500件（套）"),
        ("专业扑火队伍建设", "60.00", "55.80", "培训专业扑火队员120人次"),
        ("森林防火宣传", "30.00", "22.54", "开展进村入户防火宣传"),
    ],
    l1_weights={"产出": 50, "效益": 30, "满意度": 10},
    l1_labels={"产出": "产出指标", "效益": "效益指标", "满意度": "满意度指标"},
    inds=[
        dict(
            l1="产出", l2="数量指标", name="新建防火通道", kind="ge", t=D("45"), a=D("38"), unit="", u="公里", weight=D(10),
            dev="2段共7公里通道因林权争议未能施工，待调处后于2023年实施。",
        ),
        dict(l1="产出", l2="数量指标", name="新建瞭望塔", kind="eq", t=D("4"), a=D("4"), unit="", u="座", weight=D(8)),
        dict(l1="产出", l2="数量指标", name="视频监控点位", kind="ge", t=D("24"), a=D("24"), unit="", u="个", weight=D(8)),
        dict(l1="产出", l2="数量指标", name="扑火物资储备", kind="ge", t=D("1500"), a=D("1620"), unit="", u="件（套）", weight=D(8)),
        dict(l1="产出", l2="数量指标", name="专业扑火队员培训", kind="ge", t=D("120"), a=D("126"), unit="", u="人次", weight=D(8)),
        dict(l1="产出", l2="质量指标", name="工程验收合格率", kind="eq", t=D("100"), a=D("100"), unit="", u="%", weight=D(8)),
        dict(l1="效益", l2="生态效益指标", name="森林火灾受害率", kind="le", t=D("0.9"), a=D("0.32"), unit="", u="‰", weight=D(10)),
        dict(l1="效益", l2="社会效益指标", name="火灾发生次数", kind="le", t=D("3"), a=D("2"), unit="", u="起", weight=D(10)),
        dict(l1="效益", l2="生态效益指标", name="森林覆盖率", kind="ge", t=D("62.5"), a=D("62.8"), unit="", u="%", weight=D(10)),
        dict(l1="满意度", l2="服务对象满意度指标", name="林区群众满意度", kind="ge", t=D("90"), a=D("92.6"), unit="", u="%", weight=D(10)),
    ],
)


def derive_forest(R, clean=True):
    M = {"R": R}
    rows = []
    TB = TS = D(0)
    for i, (name, b, s, _) in enumerate(R["subs"], 1):
        b, s = D(b), D(s)
        TB, TS = TB + b, TS + s
        rows.append(dict(no=str(i), name=name, b=f2(b), s=f2(s), u=f2(b - s), rate=pct(q2(s / b * 100))))
    M["rows"] = rows
    RATE = pct(q2(TS / TB * 100))
    M["total"] = dict(no="", name="合计", b=f2(TB), s=f2(TS), u=f2(TB - TS), rate=RATE)
    M["F"] = dict(M["total"])  # the figures as the narrative states them
    fin, oth = [D(x) for x in R["fin"]], [D(x) for x in R["oth"]]
    if clean:
        assert fin[1] + oth[1] == TB and fin[2] + oth[2] == TS, (TB, TS)
    M["funds"] = [
        ("年度资金总额", f2(fin[0] + oth[0]), f2(fin[1] + oth[1]), f2(fin[2] + oth[2]), pct(q2((fin[2] + oth[2]) / (fin[1] + oth[1]) * 100))),
        ("其中：财政资金", f2(fin[0]), f2(fin[1]), f2(fin[2]), pct(q2(fin[2] / fin[1] * 100))),
        ("其他资金", f2(oth[0]), f2(oth[1]), f2(oth[2]), pct(q2(oth[2] / oth[1] * 100))),
    ]
    es = _exec_score(TS, TB)
    M["exec_score"] = trim(es)
    inds = _score_inds(R, clean)
    for x, src in zip(inds, R["inds"]):
        x["u"] = src["u"]
    if clean:
        _check_scheme(R, inds, 10)
    M["inds"] = inds
    total = es + sum((x["score_dec"] for x in inds), D(0))
    M["total_s"] = trim(total)
    grade = band(total)
    if clean:
        assert grade == "优", total
    rr = {r["name"]: r for r in rows}
    reason = (
        f"项目预算执行率为{RATE}，未全部执行的{f2(TB - TS)}万元中：防火通道建设2段共7公里因林权争议未能施工，"
        f"结余{rr['防火通道建设']['u']}万元；瞭望塔及视频监控系统尾款{rr['瞭望塔及视频监控系统']['u']}万元待竣工结算后支付；"
        f"森林防火宣传因疫情防控取消部分集中宣传活动，结余{rr['森林防火宣传']['u']}万元；"
        f"扑火物资储备和专业扑火队伍建设为采购和培训节余{f2(D(rr['扑火物资储备']['u']) + D(rr['专业扑火队伍建设']['u']))}万元。"
    )
    goal = (
        "年度目标：新建防火通道45公里、瞭望塔4座、视频监控点位24个，储备扑火物资1500件（套），"
        "培训专业扑火队员120人次，森林火灾受害率控制在0.9‰以内，全年森林火灾发生次数不超过3起。"
    )
    T = {
        "goal": {"body": goal, "table": goal.removeprefix("年度目标：")},
        "problems": {"body": "一是资金执行进度偏慢。" + reason + "二是部分防火通道选线前期调查不充分，林权争议调处耗时较长。"},
        "conclusion": {
            "body": f"经自评，项目资金执行得分{M['exec_score']}分，绩效指标得分{trim(total - es)}分，综合得分{M['total_s']}分，评价等级为“{grade}”。",
            "table": grade,
        },
    }
    M["text"] = T
    M["exec_dev"] = reason
    ind = {x["name"]: x for x in inds}
    M["fires"] = ind["火灾发生次数"]["actual"]
    return M


def forest_blocks(M):
    R, T, y = M["R"], M["text"], M["R"]["year"]
    H1, P = (lambda s: Para(s, "h1")), (lambda s: Para(s, "body"))
    b = [
        Para(f"{R['org']}", "title"),
        Para(f"{y}年度{R['project']}绩效自评报告", "title"),
        H1("一、项目基本情况"),
        P(
            f"{R['project']}由{R['org']}组织实施，{y}年安排资金{M['F']['b']}万元，其中财政资金{R['fin'][1]}万元、"
            f"其他资金（县森林防火基金）{R['oth'][1]}万元。项目包括{len(R['subs'])}个子项目："
            + "；".join(f"{n}（{c}）" for n, _, _, c in R["subs"]) + "。"
        ),
        P(T["goal"]["body"]),
        H1("二、项目资金使用情况"),
        P(
            f"截至{y}年12月31日，项目实际支出{M['F']['s']}万元，结余{M['F']['u']}万元，预算执行率{M['F']['rate']}。"
            f"其中财政资金执行{R['fin'][2]}万元，其他资金执行{R['oth'][2]}万元。各子项目资金使用情况如下："
        ),
        Para("单位：万元", "unit"),
    ]
    rows = [[C(h, bold=True) for h in ("序号", "子项目名称", "预算数", "实际支出", "结余", "执行率")]]
    for r in M["rows"] + [M["total"]]:
        rows.append([C(r[k]) for k in ("no", "name", "b", "s", "u", "rate")])
    b.append(Table([1.3, 5.0, 2.3, 2.3, 2.2, 2.3], rows, size=11))
    ind = {x["name"]: x for x in M["inds"]}
    b += [
        H1("三、绩效目标完成情况"),
        P(
            f"全年新建防火通道{ind['新建防火通道']['actual']}公里、瞭望塔{ind['新建瞭望塔']['actual']}座、视频监控点位"
            f"{ind['视频监控点位']['actual']}个，储备扑火物资{ind['扑火物资储备']['actual']}件（套），培训专业扑火队员"
            f"{ind['专业扑火队员培训']['actual']}人次，工程验收合格率100%。全年发生森林火灾{M['fires']}起，"
            f"森林火灾受害率{ind['森林火灾受害率']['actual']}‰，森林覆盖率达到{ind['森林覆盖率']['actual']}%，"
            f"林区群众满意度{ind['林区群众满意度']['actual']}%。新建防火通道指标未完成，已按完成比例计分。"
        ),
        H1("四、存在的问题"),
        P(T["problems"]["body"]),
        H1("五、改进措施"),
        P("一是加快林权争议调处，2023年完成剩余7公里防火通道建设；二是督促施工单位尽快办理竣工结算，及时支付尾款；"
          "三是加强项目前期论证，提高预算编制的准确性和资金执行进度。"),
        H1("六、自评结论"),
        P(T["conclusion"]["body"]),
        Para(R["org"], "right"),
        Para(R["sign_date"], "right"),
        PageBreak(),
        Para("附件", "attach"),
        Para(f"{y}年度项目支出绩效自评表", "table-title"),
    ]
    z = [
        [C("项目名称", cs=2), C(R["project"], cs=7)],
        [C("主管部门", cs=2), C(R["dept"], cs=3), C("实施单位", cs=2), C(R["org"], cs=2)],
        [C("项目资金（万元）", rs=4, cs=2), C("")]
        + [C(h) for h in ("年初预算数", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分")],
    ]
    for i, (lab, a, bb, c, r) in enumerate(M["funds"]):
        row = [C(lab), C(a), C(bb), C(c), C(r)]
        if i == 0:
            row += [C("10", rs=3), C(M["exec_score"], rs=3)]
        z.append(row)
    z += [
        [C("执行偏差原因", cs=2), C(M["exec_dev"], cs=7, align="left", indent=False)],
        [C("年度总体目标", cs=2), C(T["goal"]["table"], cs=7, align="left", indent=False)],
        [C(h) for h in ("一级指标", "二级指标", "三级指标", "计量单位", "指标值", "实际完成值", "权重", "得分", "偏差原因分析")],
    ]
    for i, x in enumerate(M["inds"]):
        row = _l1_l2_cells(M["inds"], i, x, R["l1_labels"])
        row += [C(x["name"], align="center", indent=False), C(x["u"]), C(x["target"]), C(x["actual"]),
                C(x["weight"]), C(x["score"]), C(x["dev"], align="left", indent=False)]
        z.append(row)
    z.append([C("总分", cs=6), C("100"), C(M["total_s"]), C(f"评价等级：{T['conclusion']['table']}")])
    b.append(Table([1.3, 1.4, 2.2, 1.6, 1.6, 1.6, 1.6, 1.1, 3.2], z, size=9.5))
    b.append(Para(FOREST_BAND_NOTE, "small"))
    b.append(Para(f"单位负责人：{R['leader']}    审核人：{R['reviewer']}    填表人：{R['filler']}    联系电话：{R['phone']}    填报日期：{R['sign_date']}", "small"))
    return b


# ---- G3. mutations -------------------------------------------------------------------------------


def sports_source(M):
    M["sources"] = [(lab, "85.00" if lab == "省级补助资金" else v) for lab, v in M["sources"]]
    return [
        item(
            "sum",
            "error",
            [["293", "85.00"]],
            "自评报告表计划投资额 288.00 万元，而其中四项来源 100.00+85.00+90.00+18.00=293.00 万元（省级补助资金 80.00 误为 85.00；正文为 800,000.00 元）",
            accept=["mismatch"],
        )
    ]


def sports_narrative_yuan(M):
    replace_in(M, "funds", "body", "实际支出2,345,600.00元", "实际支出2,354,600.00元")
    return [
        item(
            "mismatch",
            "warning",
            ["2354600"],
            "正文称实际支出 2,354,600.00 元，资金表合计为 234.56 万元（=2,345,600.00 元），自评报告表同段为 2,345,600.00 元",
            accept=["text"],
        )
    ]


def sports_score_over(R):
    _ind(R, "新建社区健身路径")["score_override"] = D("12.5")
    return [
        item(
            "score",
            "error",
            [["12.5", "社区健身路径"]],
            "自评表“新建社区健身路径”满分 10，自评得分填 12.5，超过满分（合计随之为 88.12）",
        )
    ]


def sports_grade(M):
    T = M["text"]["conclusion"]
    for loc in ("body", "summary"):
        T[loc] = T[loc].replace("“良好”", "“合格”")
    T["table"] = "合格"
    return [
        item(
            "grade",
            "error",
            ["合格"],
            "综合得分 88.12 分，按报告自己的等级划分（75-89分为良好）应为“良好”，却评为“合格”（正文、报告表和自评表三处）",
        )
    ]


def sports_changed_word(M):
    replace_in(M, "problems", "summary", "因村民对选址有异议", "因村民对选址无异议")
    return [
        item(
            "text",
            "warning",
            [["无异议", "有异议"]],
            "自评报告表存在的问题称“因村民对选址无异议”，正文同段为“有异议”（一字之差，意思相反）",
            accept=["mismatch", "logic"],
        )
    ]


def forest_reverse_full(R):
    x = _ind(R, "火灾发生次数")
    x["a"] = D("5")
    x["score_override"] = D("10")
    return [
        item(
            "score",
            "error",
            [["火灾发生次数", "5起"]],
            "反向指标“火灾发生次数 ≤3 起”实际 5 起，未完成却给满分 10 分（按比例应得 10×3÷5=6 分）",
        ),
        item(
            "missing",
            "warning",
            [["火灾发生次数", "5起"]],
            "连带：该指标未完成，偏差原因分析栏为空",
            accept=["score"],
            optional=True,
        ),
    ]


def forest_total_off(M):
    assert M["total"]["s"] == "340.00"
    M["total"]["s"] = "341.00"
    return [
        item(
            "sum",
            "error",
            ["341"],
            "资金表合计行实际支出应为各行之和 340.00 万元，误为 341.00（正文和自评表为 340.00）",
            accept=["mismatch"],
        ),
        item("balance", "error", ["341"], "连带：合计行结余 60.00 与 400.00−341.00=59.00 不符", accept=["sum"], optional=True),
        item("rate", "error", [["341", "85.25"]], "连带：合计行执行率 85.00% 与 341.00÷400.00=85.25% 不符", optional=True),
    ]


def forest_no_problems(M):
    M["text"]["problems"]["body"] = "暂无问题。"
    return [
        item(
            "logic",
            "warning",
            ["暂无问题"],
            "存在的问题写“暂无问题”，但预算执行率仅 85.00%（结余 60.00 万元，防火通道 7 公里未施工、新建防火通道指标未完成）",
            accept=["missing"],
        )
    ]


def forest_balance(M):
    r = _mrow(M, "森林防火宣传")
    assert r["u"] == "7.46"
    r["u"] = "7.64"
    return [
        item("balance", "error", ["7.64"], "森林防火宣传结余应为 30.00−22.54=7.46 万元，表中填 7.64", accept=["sum"]),
        item("sum", "error", [["60.18", "7.64"]], "连带：结余列各行之和 60.18 与合计 60.00 不符", accept=["balance"], optional=True),
        item("mismatch", "warning", ["7.64"], "连带：自评表执行偏差原因称森林防火宣传结余 7.46 万元，资金表为 7.64", accept=["text", "balance"], optional=True),
    ]


def forest_target_text(M):
    replace_in(M, "goal", "body", "森林火灾受害率控制在0.9‰以内", "森林火灾受害率控制在1.0‰以内")
    return [
        item(
            "mismatch",
            "warning",
            ["1.0"],
            "正文年度目标称森林火灾受害率控制在 1.0‰ 以内，自评表年度总体目标及指标值为 ≤0.9‰",
            accept=["text"],
        )
    ]


EXTRA4 = {  # same shape as EXTRA
    "sports-2023": (
        SPORTS,
        derive_sports,
        sports_blocks,
        Style(),
        [
            ("post", sports_source),
            ("post", sports_narrative_yuan),
            ("pre", sports_score_over),
            ("post", sports_grade),
            ("post", sports_changed_word),
        ],
        "岳山县文体局 / 全民健身设施建设项目 (2023); 正文金额用元（“实际支出2,345,600.00元”），资金表用万元（234.56）; "
        "资金表列序 项目名称/执行率/实际支出/预算数/结余（执行率在前）, 4 个子项目; 自评报告表计划投资额分 中央/省级/县级/单位自筹 四项; "
        "自评表列头“满分”“自评得分”; 产出 50/效益 30/满意度 10 + 资金 10; 等级 优秀/良好/合格/不合格，注“90分以上为优秀，75-89分为良好，60-74分为合格，60分以下为不合格”",
        "clean; 执行率 {rate} (<90%) explained in the 自评表（笼式运动场 3 个未开工、器材跨年到货）; 六项指标未完成按比例得分、偏差原因已填; {total} 良好",
    ),
    "forestry-2022": (
        FOREST,
        derive_forest,
        forest_blocks,
        Style(),
        [
            ("pre", forest_reverse_full),
            ("post", forest_total_off),
            ("post", forest_no_problems),
            ("post", forest_balance),
            ("post", forest_target_text),
        ],
        "青岭县林业局 / 森林防火项目 (2022, 四川); 无封面; 万元 (2 位小数); 5 个子项目; 四川式自评表资金块（年初预算数/调整后预算数/预算执行数/预算执行率/权重/得分，"
        "年度资金总额/财政资金/其他资金）+ 执行偏差原因行; 计量单位单列; 反向指标（森林火灾受害率 ≤0.9‰、火灾发生次数 ≤3起）; 产出 50/效益 30/满意度 10 + 10",
        "clean; 执行率 {rate}，存在的问题和自评表如实说明原因（林权争议、尾款待结算）; 防火通道 38/45 公里按比例得分、原因已填; {total} 优",
    ),
}
EXTRA4 = _fill_notes(EXTRA4)


# ----------------------------------------------------------------------------------------------
# H. Two more reports:
#    H1 老旧小区改造 (县住建局, 2023): 6 sub-projects, one per 小区; fund table 小区名称/总投资/中央补助/
#       地方配套/已完成投资/完成率 (总投资 = 中央补助 + 地方配套 per row) + 合计; one total in 亿元 in the
#       narrative (总投资0.3256亿元), 万元 elsewhere; ≥/≤/= targets; satisfaction from a survey.
#    H2 农业保险保费补贴 (县财政局, 2022): 元 with thousands separators in the table, 万元 in the text;
#       fund table per 险种 保费总额/财政补贴/农户自缴/补贴拨付/拨付率; three allocation documents
#       summing to the 财政补贴 total; 财政部式自评表 (年初预算数/全年预算数/全年执行数/分值/执行率/得分).
# ----------------------------------------------------------------------------------------------

HOUSING_BAND_NOTE = "90分（含）以上为优，80分（含）至90分（不含）为良，60分（含）至80分（不含）为中，60分以下为差"

HOUSING = dict(
    name="housing-2023",
    year=2023,
    org="溪川县住房和城乡建设局",
    dept="溪川县住房和城乡建设局",
    project="城镇老旧小区改造项目",
    leader="韩志刚",
    reviewer="苏丽娟",
    filler="温建平",
    phone="0736-6623108",
    sign_date="2024年3月22日",
    estates=[  # (小区名称, 中央补助, 地方配套, 已完成投资) 万元
        ("东苑小区", "420.00", "180.00", "588.00"),
        ("西湖小区", "380.00", "160.00", "540.00"),
        ("南门小区", "450.00", "212.00", "612.35"),
        ("北关小区", "300.00", "136.00", "436.00"),
        ("纺织厂小区", "350.00", "168.00", "471.38"),
        ("粮站小区", "340.00", "160.00", "430.00"),
    ],
    l1_weights={"产出": 50, "效益": 30, "满意度": 10},
    l1_labels={"产出": "产出指标（50分）", "效益": "效益指标（30分）", "满意度": "满意度指标（10分）"},
    inds=[
        dict(l1="产出", l2="数量指标", name="改造老旧小区数量", kind="eq", t=D("6"), a=D("6"), unit="个", weight=D(10)),
        dict(l1="产出", l2="数量指标", name="惠及居民户数", kind="ge", t=D("1280"), a=D("1296"), unit="户", weight=D(10)),
        dict(
            l1="产出", l2="数量指标", name="改造雨污管网长度", kind="ge", t=D("8.5"), a=D("7.9"), unit="公里", weight=D(10),
            dev="粮站小区0.6公里管网因与燃气管线改迁交叉，顺延至2024年4月施工。",
        ),
        dict(l1="产出", l2="质量指标", name="工程竣工验收合格率", kind="eq", t=D("100"), a=D("100"), unit="%", weight=D(10)),
        dict(l1="产出", l2="成本指标", name="单位面积改造成本", kind="le", t=D("320"), a=D("312"), unit="元/平方米", weight=D(10)),
        dict(l1="效益", l2="社会效益指标", name="居住环境改善", kind="qual", target="明显改善", actual="效果明显", weight=D(10)),
        dict(
            l1="效益", l2="社会效益指标", name="既有住宅加装电梯", kind="ge", t=D("12"), a=D("10"), unit="部", weight=D(10),
            dev="纺织厂小区2个单元业主意见未统一，加装电梯未实施；2024年继续协调。",
        ),
        dict(l1="效益", l2="可持续影响指标", name="长效管理机制建立率", kind="eq", t=D("100"), a=D("100"), unit="%", weight=D(10)),
        dict(l1="满意度", l2="服务对象满意度指标", name="小区居民满意度", kind="ge", t=D("90"), a=D("93.6"), unit="%", weight=D(10)),
    ],
    survey=(520, 500, 468),
)


def derive_housing(R, clean=True):
    M = {"R": R}
    rows = []
    TC = TL = TT = TS = D(0)
    for name, c, loc, s in R["estates"]:
        c, loc, s = D(c), D(loc), D(s)
        t = c + loc
        TC, TL, TT, TS = TC + c, TL + loc, TT + t, TS + s
        rows.append(dict(name=name, t=f2(t), c=f2(c), l=f2(loc), s=f2(s), rate=pct(q2(s / t * 100))))
    M["rows"] = rows
    RATE = pct(q2(TS / TT * 100))
    M["total"] = dict(name="合计", t=f2(TT), c=f2(TC), l=f2(TL), s=f2(TS), rate=RATE)
    es = _exec_score(TS, TT)
    M["exec_score"] = trim(es)
    sent, back, ok = R["survey"]
    sat = q2(D(ok) / D(back) * 100)
    assert f"{_ind(R, '小区居民满意度')['a']}" == f"{sat:.1f}", sat
    inds = _score_inds(R, clean)
    if clean:
        _check_scheme(R, inds, 10)
    M["inds"] = inds
    total = es + sum((x["score_dec"] for x in inds), D(0))
    M["total_s"] = trim(total)
    M["grade"] = band(total)
    yi = (TT / 10000).normalize()
    y = R["year"]
    T = {}
    _copies(
        T, "goal",
        "完成东苑、西湖、南门、北关、纺织厂、粮站6个老旧小区改造，惠及居民1280户以上，改造雨污管网8.5公里，"
        "加装电梯12部，工程竣工验收合格率100%，单位面积改造成本控制在320元/平方米以内。",
        "body", "table",
    )
    T["funds"] = {
        "body": (
            f"{y}年项目总投资{yi}亿元，其中中央补助资金{f2(TC)}万元、地方配套资金{f2(TL)}万元。截至{y}年12月31日，"
            f"6个小区累计完成投资{f2(TS)}万元，完成率{RATE}，未完成投资{f2(TT - TS)}万元。"
        )
    }
    T["survey"] = {
        "body": (
            f"项目竣工后，我局委托第三方在6个小区发放居民满意度调查问卷{sent}份，回收有效问卷{back}份，"
            f"其中满意及基本满意{ok}份，满意度{sat:.1f}%。"
        )
    }
    T["conclusion"] = {
        "body": f"经自评，本项目综合得分{M['total_s']}分，评价等级为“{M['grade']}”。",
        "table": M["grade"],
    }
    M["exec_dev"] = "粮站小区管网改迁、纺织厂小区加装电梯顺延，相应投资未完成。"
    M["text"] = T
    M["F"] = dict(T=f2(TT), S=f2(TS), RATE=RATE)
    return M


def housing_blocks(M):
    R, T, y = M["R"], M["text"], M["R"]["year"]
    H1, P = (lambda s: Para(s, "h1")), (lambda s: Para(s, "body"))
    b = [
        Para(f"{R['org']}", "title"),
        Para(f"{y}年度{R['project']}绩效自评报告", "title"),
        H1("一、项目基本情况"),
        P(
            "为改善城镇老旧小区居民居住条件，我局按照省、市城镇老旧小区改造工作部署，组织实施2000年底前建成的老旧小区"
            "基础类和完善类改造，内容包括雨污管网、道路、绿化、照明和加装电梯等。年度绩效目标为：" + T["goal"]["body"]
        ),
        H1("二、项目资金投入和使用情况"),
        P(T["funds"]["body"]),
        Para("老旧小区改造资金情况表", "caption"),
        Para("单位：万元", "unit"),
    ]
    rows = [[C(h, bold=True) for h in ("小区名称", "总投资", "中央补助", "地方配套", "已完成投资", "完成率")]]
    for r in M["rows"] + [M["total"]]:
        rows.append([C(r["name"])] + [C(r[k]) for k in ("t", "c", "l", "s", "rate")])
    b.append(Table([3.0, 2.4, 2.4, 2.4, 2.6, 2.2], rows, size=11))
    b += [
        H1("三、项目绩效目标完成情况"),
        P(
            "全年完成6个老旧小区改造，惠及居民1296户，改造雨污管网7.9公里，加装电梯10部，6个小区全部通过竣工验收，"
            "单位面积改造成本312元/平方米。各小区均建立了业主委员会或物业管理长效机制，居住环境改善效果明显。"
        ),
        P(T["survey"]["body"]),
        P(
            "未完成的指标：一是改造雨污管网长度完成7.9公里，粮站小区0.6公里管网因与燃气管线改迁交叉顺延施工；"
            "二是加装电梯完成10部，纺织厂小区2个单元业主意见未统一。"
        ),
        H1("四、自评结论"),
        P(T["conclusion"]["body"] + "（评分等级：" + HOUSING_BAND_NOTE + "。）"),
        H1("五、存在的问题及改进措施"),
        P(
            "一是部分小区地下管线复杂，前期摸排不充分，影响施工进度；二是加装电梯需单元业主协商一致，推进难度大。"
            "下一步，我局将加强前期勘察和管线协调，完善加装电梯协商机制，确保2024年一季度完成剩余工程。"
        ),
        Para(R["org"], "right"),
        Para(R["sign_date"], "right"),
        PageBreak(),
        Para("附件", "attach"),
        Para(f"{y}年度项目支出绩效自评表", "table-title"),
    ]
    F = M["F"]
    z = [
        [C("项目名称", cs=2), C(R["project"], cs=7)],
        [C("主管部门", cs=2), C(R["dept"], cs=3), C("实施单位", cs=2), C(R["org"], cs=2)],
        [C("项目资金（万元）", rs=2, cs=2)] + [C(h) for h in ("总投资", "已完成投资", "完成率", "分值", "得分")] + [C("原因", cs=2)],
        [C(F["T"]), C(F["S"]), C(F["RATE"]), C("10"), C(M["exec_score"]), C(M["exec_dev"], cs=2, align="left", indent=False)],
        [C("年度总体目标", cs=2), C(T["goal"]["table"], cs=7, align="left", indent=False)],
        [C(h) for h in ("一级指标", "二级指标", "三级指标", "计量单位", "指标值", "实际完成值", "分值", "得分", "偏差原因分析")],
    ]
    units = {i["name"]: i.get("unit", "") for i in R["inds"]}
    for i, x in enumerate(M["inds"]):
        row = _l1_l2_cells(M["inds"], i, x, R["l1_labels"])
        u = units[x["name"]]
        tgt, act = (x["target"].removesuffix(u), x["actual"].removesuffix(u)) if u else (x["target"], x["actual"])
        row += [C(x["name"], align="center", indent=False), C(u or "—"), C(tgt), C(act),
                C(x["weight"]), C(x["score"]), C(x["dev"], align="left", indent=False)]
        z.append(row)
    z.append([C("总分", cs=6), C("100"), C(M["total_s"]), C(f"评价等级：{T['conclusion']['table']}")])
    b.append(Table([1.3, 1.4, 2.2, 1.6, 1.5, 1.5, 1.1, 1.1, 3.3], z, size=9.5))
    b.append(Para("评分等级：" + HOUSING_BAND_NOTE + "。", "small"))
    b.append(Para(f"单位负责人：{R['leader']}    审核人：{R['reviewer']}    填表人：{R['filler']}    联系电话：{R['phone']}    填报日期：{R['sign_date']}", "small"))
    return b


AGRI = dict(
    name="agri-insurance-2022",
    year=2022,
    org="禾丰县财政局",
    dept="禾丰县财政局",
    project="农业保险保费补贴",
    leader="龚建华",
    reviewer="谭秀梅",
    filler="易晓东",
    phone="0745-7781265",
    sign_date="2023年3月30日",
    alloc=[("湘财金〔2022〕15号", "中央财政", "3896000.00"), ("湘财金〔2022〕38号", "省级财政", "3409000.00"),
           ("禾财金〔2022〕9号", "县级财政", "2435000.00")],
    kinds=[  # (险种, 保费总额, 财政补贴, 补贴拨付) 元
        ("水稻", "5400000.00", "4320000.00", "4320000.00"),
        ("玉米", "3200000.00", "2400000.00", "2160000.00"),
        ("生猪", "2600000.00", "1820000.00", "1592500.00"),
        ("能繁母猪", "1500000.00", "1200000.00", "1080000.00"),
    ],
    l1_weights={"产出": 50, "效益": 30, "满意度": 10},
    l1_labels={"产出": "产出指标", "效益": "效益指标", "满意度": "满意度指标"},
    inds=[
        dict(l1="产出", l2="数量指标", name="水稻承保面积", kind="ge", t=D("18"), a=D("18.6"), unit="万亩", weight=D(10)),
        dict(
            l1="产出", l2="数量指标", name="玉米承保面积", kind="ge", t=D("12"), a=D("11.4"), unit="万亩", weight=D(10),
            dev="部分玉米种植户改种大豆，承保面积减少；2023年加强政策宣传。",
        ),
        dict(l1="产出", l2="数量指标", name="能繁母猪承保数量", kind="ge", t=D("2.5"), a=D("2.5"), unit="万头", weight=D(10)),
        dict(l1="产出", l2="质量指标", name="理赔结案率", kind="ge", t=D("95"), a=D("96.2"), unit="%", weight=D(10)),
        dict(l1="产出", l2="成本指标", name="保险费率执行", kind="qual", target="按规定费率执行", actual="达成", weight=D(10)),
        dict(l1="效益", l2="经济效益指标", name="受灾农户获赔金额", kind="ge", t=D("1500"), a=D("1632.5"), unit="万元", weight=D(10)),
        dict(
            l1="效益", l2="社会效益指标", name="参保农户户数", kind="ge", t=D("3.2"), a=D("3.05"), unit="万户", weight=D(10),
            dev="生猪散养户退出养殖，参保户数下降；2023年扩大特色险种覆盖。",
        ),
        dict(l1="效益", l2="可持续影响指标", name="农户灾后恢复生产能力", kind="qual", target="有效提升", actual="效果明显", weight=D(10)),
        dict(l1="满意度", l2="服务对象满意度指标", name="参保农户满意度", kind="ge", t=D("90"), a=D("94.5"), unit="%", weight=D(10)),
    ],
    survey=(420, 400, 378),
)


def _wy(x) -> str:
    """元 → 万元 with 2 decimals (exact)."""
    v = D(x) / 10000
    assert v == q2(v), x
    return f"{v:.2f}"


def derive_agri(R, clean=True):
    M = {"R": R}
    rows = []
    TP = TS = TF = TA = D(0)
    for name, p, s, a in R["kinds"]:
        p, s, a = D(p), D(s), D(a)
        TP, TS, TF, TA = TP + p, TS + s, TF + (p - s), TA + a
        rows.append(dict(name=name, p=yuan(p), s=yuan(s), f=yuan(p - s), a=yuan(a), rate=pct(q2(a / s * 100))))
    M["rows"] = rows
    RATE = pct(q2(TA / TS * 100))
    M["total"] = dict(name="合计", p=yuan(TP), s=yuan(TS), f=yuan(TF), a=yuan(TA), rate=RATE)
    if clean:
        assert sum(D(a) for _, _, a in R["alloc"]) == TS
    es = _exec_score(TA, TS)
    M["exec_score"] = trim(es)
    sent, back, ok = R["survey"]
    sat = q2(D(ok) / D(back) * 100)
    assert f"{_ind(R, '参保农户满意度')['a']}" == f"{sat:.1f}", sat
    inds = _score_inds(R, clean)
    if clean:
        _check_scheme(R, inds, 10)
    M["inds"] = inds
    total = es + sum((x["score_dec"] for x in inds), D(0))
    M["total_s"] = trim(total)
    M["grade"] = band(total)
    y = R["year"]
    T = {}
    _copies(
        T, "goal",
        "水稻承保面积达到18万亩以上，玉米承保面积达到12万亩以上，能繁母猪承保2.5万头以上，理赔结案率95%以上，"
        "参保农户3.2万户以上，参保农户满意度90%以上。",
        "body", "table",
    )
    docs = "、".join(f"{doc}下达{lvl}保费补贴资金{_wy(a)}万元" for doc, lvl, a in R["alloc"])
    T["funds"] = {
        "body": (
            f"{y}年全县四个险种保费总额{_wy(TP)}万元，其中财政补贴{_wy(TS)}万元、农户自缴{_wy(TF)}万元。"
            f"财政补贴资金来源为：{docs}，合计{_wy(TS)}万元。截至{y}年12月31日，已向承保机构拨付补贴资金{_wy(TA)}万元，"
            f"拨付率{RATE}，尚未拨付{_wy(TS - TA)}万元。"
        )
    }
    T["survey"] = {
        "body": (
            f"我局会同县农业农村局在12个乡镇发放参保农户满意度问卷{sent}份，回收有效问卷{back}份，"
            f"满意及基本满意{ok}份，满意度{sat:.1f}%。"
        )
    }
    T["conclusion"] = {
        "body": f"经自评，项目综合得分{M['total_s']}分，评价等级为“{M['grade']}”。",
        "table": M["grade"],
    }
    M["exec_dev"] = f"玉米、生猪、能繁母猪保险部分保单年末尚未完成结算，剩余补贴{_wy(TS - TA)}万元于2023年一季度拨付。"
    M["text"] = T
    M["F"] = dict(S=_wy(TS), A=_wy(TA), RATE=RATE)
    return M


def agri_blocks(M):
    R, T, y = M["R"], M["text"], M["R"]["year"]
    H1, P = (lambda s: Para(s, "h1")), (lambda s: Para(s, "body"))
    b = [
        Para(f"{R['org']}{y}年度{R['project']}", "title"),
        Para("项目支出绩效自评报告", "title"),
        H1("一、项目概况"),
        P(
            "为分散农业生产风险、稳定农户收入，我县按照中央、省农业保险保费补贴政策，对水稻、玉米、生猪、能繁母猪"
            "四个险种给予保费补贴，由承保机构按保单结算后申请拨付。年度绩效目标为：" + T["goal"]["body"]
        ),
        H1("二、资金投入和使用情况"),
        P(T["funds"]["body"]),
        Para("农业保险保费补贴资金情况表", "caption"),
        Para("单位：元", "unit"),
    ]
    rows = [[C(h, bold=True) for h in ("险种", "保费总额", "财政补贴", "农户自缴", "补贴拨付", "拨付率")]]
    for r in M["rows"] + [M["total"]]:
        rows.append([C(r["name"])] + [C(r[k]) for k in ("p", "s", "f", "a", "rate")])
    b.append(Table([2.2, 3.0, 3.0, 2.8, 3.0, 1.8], rows, size=10.5))
    b += [
        H1("三、绩效目标完成情况"),
        P(
            "全年水稻承保18.6万亩，玉米承保11.4万亩，能繁母猪承保2.5万头，理赔结案率96.2%，受灾农户获赔1632.5万元，"
            "参保农户3.05万户。农业保险有效提升了农户灾后恢复生产能力。"
        ),
        P(T["survey"]["body"]),
        H1("四、自评结论"),
        P(T["conclusion"]["body"] + "（" + GRADE_NOTE.removeprefix("备注：").rstrip("。") + "）"),
        H1("五、存在的问题及改进措施"),
        P(
            "一是部分承保机构保单结算滞后，影响补贴拨付进度；二是玉米承保面积和参保户数未达目标。"
            "下一步将督促承保机构按季结算，加强政策宣传，扩大承保覆盖面。"
        ),
        Para(R["org"], "right"),
        Para(R["sign_date"], "right"),
        PageBreak(),
        Para("附件", "attach"),
        Para(f"项目支出绩效自评表（{y}年度）", "table-title"),
    ]
    F = M["F"]
    z = [
        [C("项目名称", cs=2), C(R["project"], cs=6)],
        [C("主管部门", cs=2), C(R["dept"], cs=2), C("实施单位", cs=2), C(R["org"], cs=2)],
        [C("项目资金（万元）", rs=5)] + [C(h) for h in ("", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率")] + [C("得分")],
        [C("年度资金总额"), C(F["S"]), C(F["S"]), C(F["A"]), C("10"), C(F["RATE"]), C(M["exec_score"])],
        [C("其中：当年财政拨款"), C(F["S"]), C(F["S"]), C(F["A"]), C("—"), C(F["RATE"]), C("—")],
        [C("上年结转资金"), C("0.00"), C("0.00"), C("0.00"), C("—"), C("—"), C("—")],
        [C("其他资金"), C("0.00"), C("0.00"), C("0.00"), C("—"), C("—"), C("—")],
        [C("执行偏差原因", cs=2), C(M["exec_dev"], cs=6, align="left", indent=False)],
        [C("年度总体目标", cs=2), C(T["goal"]["table"], cs=6, align="left", indent=False)],
        [C(h) for h in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施")],
    ]
    z += _selfeval_rows_common(M["inds"], R["l1_labels"], 8)
    z.append([C("总分", cs=5), C("100"), C(M["total_s"]), C(f"评价等级：{T['conclusion']['table']}")])
    b.append(Table([1.4, 1.6, 2.3, 2.0, 2.0, 1.2, 1.2, 3.3], z, size=9.5))
    b.append(Para(GRADE_NOTE, "small"))
    b.append(Para(f"单位负责人：{R['leader']}    审核人：{R['reviewer']}    填表人：{R['filler']}    联系电话：{R['phone']}    填报日期：{R['sign_date']}", "small"))
    return b


# ---- H3. mutations -------------------------------------------------------------------------------


def housing_row_identity(M):
    r = _mrow(M, "纺织厂小区")
    assert r["t"] == "518.00", r["t"]
    r["t"] = "581.00"
    return [
        item("sum", "error", ["581"], "纺织厂小区总投资应为中央补助 350.00 + 地方配套 168.00 = 518.00 万元，表中填 581.00",
             accept=["mismatch", "balance"]),
        item("sum", "error", [["3319", "581"]], "连带：总投资列各行之和 3319.00 与合计 3256.00 不符",
             accept=["mismatch"], optional=True),
        item("rate", "error", ["581"], "连带：纺织厂小区完成率 91.00% 与 471.38÷581.00=81.13% 不符",
             accept=["mismatch"], optional=True),
    ]


def housing_yi(M):
    replace_in(M, "funds", "body", "总投资0.3256亿元", "总投资0.3526亿元")
    return [
        item("mismatch", "warning", [["0.3526", "3526"]],
             "正文称项目总投资 0.3526 亿元，资金表及自评表总投资合计为 3256.00 万元（=0.3256 亿元）", accept=["text", "sum"])
    ]


def housing_le_full(R):
    ind = _ind(R, "单位面积改造成本")
    ind["a"] = D("336")
    ind["score_override"] = "10"
    return [
        item("score", "error", ["单位面积改造成本"],
             "反向指标“单位面积改造成本 ≤320 元/平方米”实际 336，未完成却给满分 10 分（按比例应得 10×320÷336=9.52 分）",
             accept=["logic"]),
        item("missing", "warning", ["单位面积改造成本"], "连带：该指标未完成，偏差原因分析栏为空",
             accept=["score", "logic"], optional=True),
    ]


def housing_rate(M):
    r = _mrow(M, "粮站小区")
    assert r["rate"] == "86.00%", r["rate"]
    r["rate"] = "68.00%"
    return [item("rate", "error", ["68.00"], "粮站小区完成率 430.00÷500.00=86.00%，表中填 68.00%")]


def housing_blank_dev(R):
    ind = _ind(R, "改造雨污管网长度")
    ind.pop("dev")
    return [
        item("missing", "warning", ["改造雨污管网长度"],
             "改造雨污管网长度目标 ≥8.5 公里、实际 7.9 公里（按比例得 9.29 分），偏差原因分析栏为空")
    ]


def agri_rate(M):
    r = _mrow(M, "玉米")
    assert r["rate"] == "90.00%", r["rate"]
    r["rate"] = "99.00%"
    return [item("rate", "error", ["99.00"], "玉米保费补贴拨付率 2,160,000.00÷2,400,000.00=90.00%，表中填 99.00%")]


def agri_alloc(M):
    replace_in(M, "funds", "body", "下达省级财政保费补贴资金340.90万元", "下达省级财政保费补贴资金349.00万元")
    return [
        item("sum", "error", ["349"],
             "下达文件 389.60+349.00+243.50=982.10 万元，与所称合计及财政补贴 974.00 万元不符（省级 340.90 误为 349.00）",
             accept=["mismatch"])
    ]


def agri_survey(M):
    replace_in(M, "survey", "body", "满意度94.5%", "满意度95.4%")
    return [
        item("mismatch", "warning", ["95.4"], "正文满意度调查称满意度 95.4%（378÷400=94.5%），自评表参保农户满意度为 94.5%",
             accept=["text"])
    ]


def agri_grade(M):
    assert M["grade"] == "优"
    M["grade"] = "良"
    M["text"]["conclusion"]["body"] = M["text"]["conclusion"]["body"].replace("“优”", "“良”")
    M["text"]["conclusion"]["table"] = "良"
    return [
        item("grade", "error", [["良", "98.43"]],
             "综合得分 98.43 分，按报告自己的等级划分（90（含）—100 分为优）应为“优”，却评为“良”（正文和自评表两处）")
    ]


def agri_dropped_clause(M):
    replace_in(M, "goal", "table", "能繁母猪承保2.5万头以上，", "")
    return [
        item("text", "warning", [["能繁母猪承保", "2.5万头"]],
             "自评表年度总体目标脱漏“能繁母猪承保2.5万头以上”分句，正文绩效目标有", accept=["mismatch"])
    ]


EXTRA5 = {  # same shape as EXTRA
    "housing-2023": (
        HOUSING,
        derive_housing,
        housing_blocks,
        Style(),
        [
            ("post", housing_row_identity),
            ("post", housing_yi),
            ("pre", housing_le_full),
            ("post", housing_rate),
            ("pre", housing_blank_dev),
        ],
        "溪川县住房和城乡建设局 / 城镇老旧小区改造项目 (2023); 万元 (2 位小数)，正文总投资另写“0.3256亿元”; "
        "资金表 6 个小区（小区名称/总投资/中央补助/地方配套/已完成投资/完成率 + 合计，总投资 = 中央补助 + 地方配套）; "
        "自评表计量单位单列，指标值含 ≥/≤/=（单位面积改造成本 ≤320 元/平方米）; 满意度来自问卷（发放520、回收500、满意468）; "
        "产出 50/效益 30/满意度 10 + 完成率 10; 等级 优/良/中/差，注“90分（含）以上为优，80分（含）至90分（不含）为良，…”",
        "clean; 完成率 {rate}（粮站、纺织厂小区顺延，正文和自评表说明）; 雨污管网、加装电梯两项未完成按比例得分、偏差原因已填; {total} 优",
    ),
    "agri-insurance-2022": (
        AGRI,
        derive_agri,
        agri_blocks,
        Style(),
        [
            ("post", agri_rate),
            ("post", agri_alloc),
            ("post", agri_survey),
            ("post", agri_grade),
            ("post", agri_dropped_clause),
        ],
        "禾丰县财政局 / 农业保险保费补贴 (2022); 资金表用元（千分位, 2 位小数），正文用万元; "
        "资金表 4 个险种（险种/保费总额/财政补贴/农户自缴/补贴拨付/拨付率 + 合计，保费总额 = 财政补贴 + 农户自缴）; "
        "三个下达文件（中央/省/县）合计等于财政补贴; 财政部式自评表（年初预算数/全年预算数/全年执行数/分值/执行率/得分，"
        "年度资金总额/当年财政拨款/上年结转资金/其他资金）50/30/10+10; 满意度问卷（发放420、回收400、满意378）",
        "clean; 拨付率 {rate}（保单结算滞后，自评表执行偏差原因说明）; 玉米承保面积、参保户数两项未完成按比例得分、偏差原因已填; {total} 优",
    ),
}
EXTRA5 = _fill_notes(EXTRA5)


# ----------------------------------------------------------------------------------------------
# I. 饮用水水源地保护 (市生态环境局, 2024): fund table 序号/建设内容/批复金额/支付金额/未支付金额/支付进度
#    (rates with one decimal, "93.6%"); 湘西-style summary table with 计划投资额 split 中央/省/市/县;
#    national 自评表 with 一级指标 written "产出指标（分值50）" and 二级指标 repeated in every row
#    (not merged); band note "综合得分90分以上（含90分）为优秀，80-89分为良好，…".
# ----------------------------------------------------------------------------------------------

WQ_BAND_NOTE = "综合得分90分以上（含90分）为优秀，80-89分为良好，70-79分为中等，70分以下为差"
Q1 = D("0.1")


def band_wq(total: Decimal) -> str:
    if total >= 90:
        return "优秀"
    if total >= 80:
        return "良好"
    if total >= 70:
        return "中等"
    return "差"


def rate1(s, b) -> str:
    return f"{(D(s) / D(b) * 100).quantize(Q1, rounding=ROUND_HALF_UP)}%"


WQ = dict(
    name="water-quality-2024",
    year=2024,
    org="沅州市生态环境局",
    dept="沅州市生态环境局",
    project="饮用水水源地保护项目",
    leader="田志远",
    reviewer="向晓梅",
    filler="彭立军",
    phone="0743-8251436",
    sign_date="2025年4月18日",
    sources=[("中央资金", "500.00"), ("省级资金", "200.00"), ("市级资金", "120.00"), ("县级资金", "80.00")],
    subs=[  # (建设内容, 批复金额, 支付金额) 万元
        ("一级保护区隔离防护网建设", "320.00", "299.60"),
        ("水源地标志标识设置", "45.00", "45.00"),
        ("水质自动监测站建设", "260.00", "218.40"),
        ("保护区面源污染整治", "180.00", "171.00"),
        ("环境风险应急能力建设", "95.00", "76.00"),
    ],
    l1_weights={"产出": 50, "效益": 30, "满意度": 10},
    l1_labels={"产出": "产出指标（分值50）", "效益": "效益指标（分值30）", "满意度": "满意度指标（分值10）"},
    inds=[
        dict(l1="产出", l2="数量指标", name="隔离防护网建设长度", kind="ge", t=D("12"), a=D("12"), unit="公里", weight=D(10)),
        dict(l1="产出", l2="数量指标", name="设置标志标识牌", kind="ge", t=D("60"), a=D("60"), unit="块", weight=D(10)),
        dict(
            l1="产出", l2="数量指标", name="建成水质自动监测站", kind="ge", t=D("4"), a=D("3"), unit="个", weight=D(10),
            dev="1个监测站因用地手续未完成尚未建成，预计2025年6月建成。",
        ),
        dict(l1="产出", l2="质量指标", name="工程验收合格率", kind="eq", t=D("100"), a=D("100"), unit="%", weight=D(10)),
        dict(
            l1="产出", l2="时效指标", name="项目按期完成率", kind="ge", t=D("100"), a=D("76"), unit="%", weight=D(10),
            dev="监测站用地手续滞后、应急物资采购流标一次，影响按期完成。",
        ),
        dict(
            l1="效益", l2="生态效益指标", name="环境风险隐患整治率", kind="ge", t=D("95"), a=D("87.4"), unit="%",
            weight=D(10), dev="部分隐患点涉及农户搬迁，整治工作延至2025年。",
        ),
        dict(l1="效益", l2="生态效益指标", name="水源地水质达标率", kind="eq", t=D("100"), a=D("100"), unit="%", weight=D(10)),
        dict(
            l1="效益", l2="可持续影响指标", name="水源地长效管护机制", kind="qual", target="建立长效管护机制",
            actual="初步建立", score=D("4"), weight=D(10), dev="管护办法尚在征求意见，专职管护人员未全部到位。",
        ),
        dict(
            l1="满意度", l2="服务对象满意度指标", name="周边群众满意度", kind="ge", t=D("90"), a=D("81"), unit="%",
            weight=D(10), dev="部分群众对隔离防护网影响通行有意见。",
        ),
    ],
)


def derive_wq(R, clean=True):
    M = {"R": R}
    rows = []
    TB = TS = D(0)
    for i, (name, b, s) in enumerate(R["subs"], 1):
        b, s = D(b), D(s)
        TB, TS = TB + b, TS + s
        rows.append(dict(no=str(i), name=name, b=f2(b), s=f2(s), u=f2(b - s), rate=rate1(s, b)))
    M["rows"] = rows
    RATE = rate1(TS, TB)
    M["total"] = dict(no="", name="合计", b=f2(TB), s=f2(TS), u=f2(TB - TS), rate=RATE)
    M["sources"] = list(R["sources"])
    if clean:
        assert sum(D(v) for _, v in R["sources"]) == TB
    es = _exec_score(TS, TB)
    M["exec_score"] = trim(es)
    inds = _score_inds(R, clean)
    if clean:
        _check_scheme(R, inds, 10)
    M["inds"] = inds
    total = es + sum((x["score_dec"] for x in inds), D(0))
    M["total_s"] = trim(total)
    grade = band_wq(total)
    if clean:
        assert total == D("86.3") and grade == "良好", total
    y = R["year"]
    srcs = "、".join(f"{lab}{v}万元" for lab, v in R["sources"])
    funds = (
        f"项目批复资金{f2(TB)}万元，其中{srcs}，资金已全部到位。截至{y}年12月31日，累计支付{f2(TS)}万元，"
        f"未支付{f2(TB - TS)}万元，支付进度{RATE}。"
    )
    problems = (
        "一是水质自动监测站1座因用地手续未完成，至年底尚未建成，相应资金未能支付；"
        "二是环境风险应急物资采购流标一次，应急能力建设进度滞后；三是水源地长效管护机制尚未完全建立。"
    )
    T = {
        "funds": {"body": funds, "summary": funds},
        "problems": {"body": problems, "summary": problems},
        "conclusion": {
            "body": f"经自评，本项目综合得分{M['total_s']}分，评价等级为“{grade}”。",
            "summary": f"综合得分{M['total_s']}分，评价等级为“{grade}”。",
            "table": grade,
        },
    }
    M["text"] = T
    M["exec_dev"] = f"支付进度{RATE}：监测站1座未建成、应急物资采购滞后，剩余资金将于2025年按进度支付。"
    M["B"], M["S"], M["RATE"] = f2(TB), f2(TS), RATE
    return M


def wq_blocks(M):
    R, T, y = M["R"], M["text"], M["R"]["year"]
    H1, P = (lambda s: Para(s, "h1")), (lambda s: Para(s, "body"))
    ind = {x["name"]: x for x in M["inds"]}
    b = [
        Para(R["org"], "cover-org"),
        Para(f"{y}年度{R['project']}", "title"),
        Para("支出绩效自评报告", "title"),
        PageBreak(),
        Para(f"{y}年度项目支出绩效自评报告表", "table-title"),
    ]
    s = [
        [C("项目名称"), C(R["project"], cs=4)],
        [C("主管部门"), C(R["dept"], cs=2), C("项目负责人"), C(R["leader"])],
        [C("计划投资额（万元）"), C(M["B"], cs=2), C("实际支付（万元）"), C(M["S"])],
    ]
    for i, (lab, v) in enumerate(M["sources"]):
        s.append([C(("其中：" if i == 0 else "") + lab), C(v, cs=2), C("到位数（万元）"), C(v)])
    s += [
        [C("资金投入和使用情况"), C(T["funds"]["summary"], cs=4)],
        [C("存在的问题"), C(T["problems"]["summary"], cs=4)],
        [C("自评结论"), C([T["conclusion"]["summary"], WQ_BAND_NOTE], cs=4)],
    ]
    b.append(Table([3.4, 2.6, 2.4, 3.4, 3.6], s, size=11))
    b += [
        PageBreak(),
        H1("一、项目基本情况"),
        P(
            f"为保障城乡居民饮水安全，{y}年我局实施饮用水水源地保护项目，建设内容包括一级保护区隔离防护网建设、"
            "水源地标志标识设置、水质自动监测站建设、保护区面源污染整治和环境风险应急能力建设5个子项目。"
            "项目年度目标为：建设隔离防护网12公里，设置标志标识牌60块，建成水质自动监测站4个，"
            "环境风险隐患整治率达到95%，水源地水质达标率100%。"
        ),
        H1("二、项目资金投入和使用情况"),
        P(T["funds"]["body"]),
        Para("项目资金支付情况表", "caption"),
        Para("单位：万元", "unit"),
    ]
    rows = [[C(h, bold=True) for h in ("序号", "建设内容", "批复金额", "支付金额", "未支付金额", "支付进度")]]
    for r in M["rows"] + [M["total"]]:
        rows.append([C(r[k]) for k in ("no", "name", "b", "s", "u", "rate")])
    b.append(Table([1.2, 5.0, 2.4, 2.4, 2.4, 2.2], rows, size=11))
    b += [
        H1("三、项目绩效目标完成情况"),
        P(
            f"全年建设隔离防护网{ind['隔离防护网建设长度']['actual']}，设置标志标识牌{ind['设置标志标识牌']['actual']}，"
            f"建成水质自动监测站{ind['建成水质自动监测站']['actual']}，工程验收合格率100%，"
            f"环境风险隐患整治率{ind['环境风险隐患整治率']['actual']}，水源地水质达标率100%，"
            f"周边群众满意度{ind['周边群众满意度']['actual']}。监测站建设、按期完成率、隐患整治率、长效管护机制和满意度"
            "五项指标未完成，已按完成比例或分档计分，偏差原因见自评表。"
        ),
        H1("四、存在的问题及原因"),
        P(T["problems"]["body"]),
        H1("五、下一步改进措施"),
        P("一是加快办理监测站用地手续，确保2025年6月前建成；二是重新组织应急物资采购；"
          "三是出台水源地管护办法，落实专职管护人员。"),
        H1("六、自评结论"),
        P(T["conclusion"]["body"] + f"（{WQ_BAND_NOTE}）"),
        Para(R["org"], "right"),
        Para(R["sign_date"], "right"),
        PageBreak(),
        Para("附件", "attach"),
        Para(f"{y}年度项目支出绩效自评表", "table-title"),
    ]
    z = [
        [C("项目名称", cs=2), C(R["project"], cs=6)],
        [C("主管部门", cs=2), C(R["dept"], cs=3), C("实施单位", cs=1), C(R["org"], cs=2)],
        [C("项目资金（万元）", rs=2, cs=2)] + [C(h) for h in ("批复金额", "支付金额", "支付进度", "分值", "得分", "偏差原因分析")],
        [C(M["B"]), C(M["S"]), C(M["RATE"]), C("10"), C(M["exec_score"]), C(M["exec_dev"], align="left", indent=False)],
        [C(h) for h in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析")],
    ]
    inds = M["inds"]
    for i, x in enumerate(inds):
        row = []
        if i == 0 or inds[i - 1]["l1"] != x["l1"]:
            row.append(C(R["l1_labels"][x["l1"]], rs=sum(1 for v in inds if v["l1"] == x["l1"])))
        row += [C(x["l2"]), C(x["name"]), C(x["target"]), C(x["actual"]), C(x["weight"]), C(x["score"])]
        row.append(C(x["dev"], align="left", indent=False))
        z.append(row)
    z.append([C("总分", cs=5), C("100"), C(M["total_s"]), C(f"评价等级：{T['conclusion']['table']}")])
    b.append(Table([1.7, 1.6, 2.4, 1.9, 1.9, 1.0, 1.1, 3.9], z, size=9.5))
    b.append(Para(f"注：{WQ_BAND_NOTE}。", "small"))
    b.append(Para(f"单位负责人：{R['leader']}    审核人：{R['reviewer']}    填表人：{R['filler']}    联系电话：{R['phone']}    填报日期：{R['sign_date']}", "small"))
    return b


def wq_unpaid(M):
    r = next(r for r in M["rows"] if r["name"] == "水质自动监测站建设")
    r["u"] = "46.10"
    return [
        item("balance", "error", ["46.10"], "水质自动监测站建设未支付金额应为 260.00−218.40=41.60 万元，表中填 46.10",
             accept=["sum"]),
        item("sum", "error", [["94.50", "46.10"]], "连带：未支付金额列各行之和 94.50 与合计 90.00 不符", optional=True),
    ]


def wq_rate(M):
    r = next(r for r in M["rows"] if r["name"] == "保护区面源污染整治")
    r["rate"] = "96.0%"
    return [item("rate", "error", [["96.0", "95.0"]], "保护区面源污染整治支付进度 171.00÷180.00=95.0%，表中填 96.0%")]


def wq_source(M):
    M["sources"] = [(lab, "210.00" if lab == "省级资金" else v) for lab, v in M["sources"]]
    return [
        item("sum", "error", [["910", "210"]],
             "摘要表计划投资额 900.00 万元，而中央/省/市/县四项来源 500.00+210.00+120.00+80.00=910.00 万元（省级资金 200.00 误为 210.00；资金投入段为 200.00）",
             accept=["mismatch"]),
    ]


def wq_grade(M):
    T = M["text"]["conclusion"]
    for loc in ("body", "summary"):
        T[loc] = T[loc].replace("“良好”", "“优秀”")
    T["table"] = "优秀"
    return [item("grade", "error", ["优秀"],
                 "综合得分 86.3 分，按报告自己的等级划分（80-89分为良好）应为“良好”，却评为“优秀”（正文、摘要表和自评表三处）")]


def wq_narrative_paid(M):
    replace_in(M, "funds", "body", "累计支付810.00万元", "累计支付801.00万元")
    return [item("mismatch", "warning", ["801"],
                 "正文称累计支付 801.00 万元，资金表合计、摘要表及自评表为 810.00 万元（支付进度 90.0% 按后者计算）",
                 accept=["text", "sum"])]


def wq_changed_word(M):
    replace_in(M, "problems", "summary", "因用地手续未完成", "因用地手续已完成")
    return [item("text", "warning", [["已完成", "未完成"]],
                 "摘要表存在的问题称监测站“因用地手续已完成”尚未建成，正文同段为“未完成”（一字之差，意思相反）",
                 accept=["mismatch", "logic"])]


EXTRA6 = {  # same shape as EXTRA
    "water-quality-2024": (
        WQ,
        derive_wq,
        wq_blocks,
        Style(),
        [
            ("post", wq_unpaid),
            ("post", wq_rate),
            ("post", wq_source),
            ("post", wq_grade),
            ("post", wq_narrative_paid),
            ("post", wq_changed_word),
        ],
        "沅州市生态环境局 / 饮用水水源地保护项目 (2024); 万元 (2 位小数); 摘要表在前（湘西式，计划投资额分 中央/省/市/县 四项）; "
        "资金表 5 个子项目（序号/建设内容/批复金额/支付金额/未支付金额/支付进度，进度一位小数如 93.6%）; "
        "国家式自评表 一级指标写作“产出指标（分值50）”，二级指标逐行重复（不合并）; 50/30/10 + 支付进度 10; "
        "等级注“综合得分90分以上（含90分）为优秀，80-89分为良好，70-79分为中等，70分以下为差”",
        "clean; 支付进度 {rate}（监测站用地手续、应急物资流标，正文和自评表说明）; 五项指标未完成按比例或分档得分、偏差原因已填; {total} 良好",
    ),
}
EXTRA6 = _fill_notes(EXTRA6)


# ----------------------------------------------------------------------------------------------
# H. 居家养老服务 (县民政局, 2023), written with "messy" real-world cell formatting: money cells carry
#    their unit ("80万元", "17.6万元"), the fund table prints rates as whole percents rounded half-up
#    ("77%") while the text gives two decimals (88.30%), the total row is labelled "总计", a 资金来源
#    column (中央/省/县) beside 项目名称; national 自评表 with 一级指标 "产出指标（50分）" and
#    分值/得分 cells written "10分"/"9.5分".
# ----------------------------------------------------------------------------------------------

ELD_BAND_NOTE = "90（含）—100分为优；80（含）—90分为良；60（含）—80分为中；60分以下为差"
Q0 = D("1")


def wan_u(x) -> str:
    return f"{trim(D(x))}万元"


def fen(x) -> str:
    return f"{trim(D(x))}分"


def rate0(s, b) -> str:
    return f"{(D(s) / D(b) * 100).quantize(Q0, rounding=ROUND_HALF_UP)}%"


ELD = dict(
    name="elderly-care-2023",
    year=2023,
    org="清河县民政局",
    dept="清河县民政局",
    project="居家养老服务项目",
    leader="宋立华",
    reviewer="孟庆云",
    filler="韩雪",
    phone="0534-6213057",
    sign_date="2024年4月25日",
    subs=[  # (项目名称, 资金来源, 预算数, 实际支出) 万元
        ("居家养老服务站运营补贴", "中央", "80", "72"),
        ("老年人助餐服务", "省", "60", "56.4"),
        ("居家适老化改造", "县", "40", "30.6"),
        ("失能老人上门护理", "中央", "20", "17.6"),
    ],
    l1_weights={"产出": 50, "效益": 30, "满意度": 10},
    l1_labels={"产出": "产出指标（50分）", "效益": "效益指标（30分）", "满意度": "满意度指标（10分）"},
    inds=[
        dict(l1="产出", l2="数量指标", name="居家养老服务站运营数量", kind="ge", t=D("12"), a=D("12"), unit="个",
             weight=D(10)),
        dict(l1="产出", l2="数量指标", name="助餐服务人次", kind="ge", t=D("30000"), a=D("28500"), unit="人次",
             weight=D(10), dev="部分助餐点下半年才开放，全年服务人次略低于目标。"),
        dict(l1="产出", l2="数量指标", name="适老化改造户数", kind="ge", t=D("200"), a=D("170"), unit="户",
             weight=D(10), dev="30户因老人住院或房屋产权问题暂缓改造，顺延至2024年实施。"),
        dict(l1="产出", l2="质量指标", name="服务质量抽查合格率", kind="ge", t=D("95"), a=D("97"), unit="%",
             weight=D(10)),
        dict(l1="产出", l2="时效指标", name="上门护理响应及时率", kind="ge", t=D("90"), a=D("92"), unit="%",
             weight=D(10)),
        dict(l1="效益", l2="社会效益指标", name="居家养老服务覆盖率", kind="ge", t=D("60"), a=D("62"), unit="%",
             weight=D(15)),
        dict(l1="效益", l2="可持续影响指标", name="老年人生活质量", kind="qual", target="明显改善",
             actual="有所改善", score=D("13"), weight=D(15), dev="服务内容以助餐、保洁为主，精神慰藉类服务偏少。"),
        dict(l1="满意度", l2="服务对象满意度指标", name="服务对象满意度", kind="ge", t=D("90"), a=D("93"),
             unit="%", weight=D(10)),
    ],
)


def derive_eld(R, clean=True):
    M = {"R": R}
    rows = []
    TB = TS = D(0)
    src = {}
    for i, (name, fund, b, s) in enumerate(R["subs"], 1):
        b, s = D(b), D(s)
        TB, TS = TB + b, TS + s
        src[fund] = src.get(fund, D(0)) + b
        rows.append(dict(no=str(i), name=name, src=fund, b=wan_u(b), s=wan_u(s), u=wan_u(b - s), rate=rate0(s, b)))
    M["rows"] = rows
    M["total"] = dict(no="", name="总计", src="", b=wan_u(TB), s=wan_u(TS), u=wan_u(TB - TS), rate=rate0(TS, TB),
                      rate2=pct(q2(TS / TB * 100)))
    RATE = M["total"]["rate2"]
    es = _exec_score(TS, TB)
    M["exec_score"] = fen(es)
    inds = _score_inds(R, clean)
    if clean:
        _check_scheme(R, inds, 10)
    M["inds"] = inds
    total = es + sum((x["score_dec"] for x in inds), D(0))
    M["total_s"] = trim(total)
    grade = band(total)
    if clean:
        assert total == D("94.83") and grade == "优", total
    y = R["year"]
    names = "、".join(n for n, *_ in R["subs"])
    srcs = "、".join(f"{k}级资金{trim(v)}万元" if k != "中央" else f"中央资金{trim(v)}万元" for k, v in src.items())
    overview = (
        f"为满足居家老年人养老服务需求，{y}年我局实施居家养老服务项目，包括{names}{len(R['subs'])}个子项目。"
        "年度目标为：运营居家养老服务站12个，提供助餐服务30000人次以上，完成适老化改造200户，"
        "居家养老服务覆盖率达到60%以上。"
    )
    funds = (
        f"项目预算{trim(TB)}万元，其中{srcs}，资金已全部到位。截至{y}年12月31日，实际支出{trim(TS)}万元，"
        f"结余{trim(TB - TS)}万元，预算执行率{RATE}。"
    )
    M["text"] = {
        "overview": {"body": overview},
        "funds": {"body": funds},
        "conclusion": {"body": f"经自评，本项目综合得分{M['total_s']}分，评价等级为“{grade}”。", "table": grade},
    }
    M["exec_dev"] = f"执行率{RATE}：30户适老化改造顺延、助餐点下半年开放，结余资金结转下年使用。"
    M["B"], M["S"], M["RATE"] = wan_u(TB), wan_u(TS), RATE
    return M


def eld_blocks(M):
    R, T, y = M["R"], M["text"], M["R"]["year"]
    H1, P = (lambda s: Para(s, "h1")), (lambda s: Para(s, "body"))
    ind = {x["name"]: x for x in M["inds"]}
    b = [
        Para(R["org"], "cover-org"),
        Para(f"{y}年度{R['project']}", "title"),
        Para("支出绩效自评报告", "title"),
        PageBreak(),
        H1("一、项目基本情况"),
        P(T["overview"]["body"]),
        H1("二、项目资金投入和使用情况"),
        P(T["funds"]["body"]),
        Para("项目资金使用情况表", "caption"),
    ]
    rows = [[C(h, bold=True) for h in ("序号", "项目名称", "资金来源", "预算数", "实际支出", "结余", "执行率")]]
    for r in M["rows"] + [M["total"]]:
        rows.append([C(r[k]) for k in ("no", "name", "src", "b", "s", "u", "rate")])
    b.append(Table([1.2, 4.6, 1.8, 2.2, 2.2, 2.2, 1.8], rows, size=11))
    b += [
        H1("三、项目绩效目标完成情况"),
        P(
            f"全年运营居家养老服务站{ind['居家养老服务站运营数量']['actual']}，提供助餐服务{ind['助餐服务人次']['actual']}，"
            f"完成适老化改造{ind['适老化改造户数']['actual']}，服务质量抽查合格率{ind['服务质量抽查合格率']['actual']}，"
            f"居家养老服务覆盖率{ind['居家养老服务覆盖率']['actual']}，服务对象满意度{ind['服务对象满意度']['actual']}。"
            "助餐服务人次、适老化改造户数两项指标未完成，已按完成比例计分；老年人生活质量有所改善，按分档计分，偏差原因见自评表。"
        ),
        H1("四、存在的问题及原因"),
        P(f"一是预算执行率{M['RATE']}，低于90%，主要是30户适老化改造因老人住院或房屋产权问题暂缓实施，"
          "部分助餐点下半年才开放；二是精神慰藉类服务偏少，服务内容有待丰富。"),
        H1("五、下一步改进措施"),
        P("一是加快推进顺延的适老化改造，结余资金结转下年使用；二是拓展精神慰藉、康复护理等服务内容。"),
        H1("六、自评结论"),
        P(T["conclusion"]["body"] + f"（{ELD_BAND_NOTE}）"),
        Para(R["org"], "right"),
        Para(R["sign_date"], "right"),
        PageBreak(),
        Para("附件", "attach"),
        Para(f"{y}年度项目支出绩效自评表", "table-title"),
    ]
    z = [
        [C("项目名称", cs=2), C(R["project"], cs=6)],
        [C("主管部门", cs=2), C(R["dept"], cs=3), C("实施单位", cs=1), C(R["org"], cs=2)],
        [C("项目资金", rs=2, cs=2)] + [C(h) for h in ("预算数", "执行数", "执行率", "分值", "得分", "偏差原因分析")],
        [C(M["B"]), C(M["S"]), C(M["RATE"]), C("10分"), C(M["exec_score"]), C(M["exec_dev"], align="left", indent=False)],
        [C(h) for h in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析")],
    ]
    inds = M["inds"]
    for i, x in enumerate(inds):
        row = []
        if i == 0 or inds[i - 1]["l1"] != x["l1"]:
            row.append(C(R["l1_labels"][x["l1"]], rs=sum(1 for v in inds if v["l1"] == x["l1"])))
        row += [C(x["l2"]), C(x["name"]), C(x["target"]), C(x["actual"]), C(fen(x["weight"])), C(fen(x["score"]))]
        row.append(C(x["dev"], align="left", indent=False))
        z.append(row)
    z.append([C("总分", cs=5), C("100分"), C(fen(M["total_s"])), C(f"评价等级：{T['conclusion']['table']}")])
    b.append(Table([1.7, 1.6, 2.4, 1.9, 1.9, 1.0, 1.1, 3.9], z, size=9.5))
    b.append(Para(f"注：{ELD_BAND_NOTE}。", "small"))
    b.append(Para(f"单位负责人：{R['leader']}    审核人：{R['reviewer']}    填表人：{R['filler']}    "
                  f"联系电话：{R['phone']}    填报日期：{R['sign_date']}", "small"))
    return b


def eld_balance(M):
    r = next(r for r in M["rows"] if r["name"] == "居家适老化改造")
    r["u"] = "4.9万元"
    return [
        item("balance", "error", ["4.9"], "居家适老化改造结余应为 40−30.6=9.4 万元，表中填 4.9万元", accept=["sum"]),
        item("sum", "error", [["18.9", "4.9"]], "连带：结余列各行之和 18.9 与总计 23.4 不符", optional=True),
    ]


def eld_total_spent(M):
    M["total"]["s"] = "167.6万元"
    return [
        item("sum", "error", ["167.6"], "资金表总计行实际支出应为各行之和 176.6 万元，误为 167.6万元（正文和自评表为 176.6）",
             accept=["mismatch"]),
        item("balance", "error", [["167.6", "23.4", "32.4"]], "连带：总计结余 23.4 与 200−167.6=32.4 不符",
             optional=True),
        item("rate", "error", [["167.6", "88%", "84%"]], "连带：总计执行率 88% 与 167.6÷200=83.8% 不符", optional=True),
        item("mismatch", "warning", ["167.6"], "连带：资金表总计支出 167.6 与正文/自评表 176.6 不一致", optional=True),
    ]


def eld_score_over(R):
    next(i for i in R["inds"] if i["name"] == "居家养老服务站运营数量")["score_override"] = D("11")
    return [item("score", "error", ["11"],
                 "自评表“居家养老服务站运营数量”分值 10分，得分填 11分，超过分值（总分随之为 95.83）")]


def eld_narrative_rate(M):
    replace_in(M, "funds", "body", "预算执行率88.30%", "预算执行率91.30%")
    return [item("mismatch", "warning", ["91.3"],
                 "正文资金段称预算执行率 91.30%，资金表（88%）和自评表为 88.30%（176.6÷200）",
                 accept=["rate", "text"])]


def eld_renamed(M):
    replace_in(M, "overview", "body", "老年人助餐服务", "老年人助餐配餐服务")
    return [item("text", "warning", [["助餐配餐", "老年人助餐服务"]],
                 "正文项目基本情况列出子项目“老年人助餐配餐服务”，资金表为“老年人助餐服务”",
                 accept=["mismatch"])]


EXTRA7 = {  # same shape as EXTRA
    "elderly-care-2023": (
        ELD,
        derive_eld,
        eld_blocks,
        Style(),
        [
            ("post", eld_balance),
            ("post", eld_total_spent),
            ("pre", eld_score_over),
            ("post", eld_narrative_rate),
            ("post", eld_renamed),
        ],
        "清河县民政局 / 居家养老服务项目 (2023); 无摘要表; 金额单元格带单位（“80万元”“17.6万元”）; "
        "资金表 4 个子项目（序号/项目名称/资金来源（中央/省/县）/预算数/实际支出/结余/执行率 + “总计”行），"
        "表中执行率四舍五入为整数百分比（76.5%→“77%”），正文两位小数; "
        "国家式自评表 一级指标写作“产出指标（50分）”，分值/得分单元格写“10分”“9.5分”; 50/30/10 + 执行率 10",
        "clean; 执行率 {rate}（正文 88.30%，适老化改造 30 户顺延、助餐点下半年开放，正文和自评表说明）; "
        "两项指标按比例、一项定性分档得分、偏差原因已填; {total} 优",
    ),
}
EXTRA7 = _fill_notes(EXTRA7)


# ----------------------------------------------------------------------------------------------
# J. 山洪灾害防治 (县水利局, 2023): money arrived only partly. Fund table 序号/子项目名称/预算安排/
#    实际到位/实际支出/结转结余/预算执行率 with 实际到位 < 预算安排 on two rows, 结转结余 = 到位 − 支出,
#    执行率 = 支出 ÷ 预算; the text states 资金到位率 = 到位 ÷ 预算 (93.75%); 湘西-style summary table
#    (计划投资额 by source with 到位数), body, 财政部式自评表 50/30/10 + 执行率 10.
# ----------------------------------------------------------------------------------------------

FLOOD = dict(
    name="flood-control-2023",
    year=2023,
    org="辰溪县水利局",
    dept="辰溪县水利局",
    project="山洪灾害防治项目",
    leader="舒建国",
    reviewer="米秀兰",
    filler="滕永胜",
    phone="0745-5223817",
    sign_date="2024年4月22日",
    sources=[("中央资金", "500.00", "500.00"), ("省级资金", "200.00", "200.00"), ("县级配套资金", "100.00", "50.00")],
    subs=[  # (子项目名称, 预算安排, 实际到位, 实际支出) 万元
        ("山洪灾害监测预警系统升级", "200.00", "200.00", "188.60"),
        ("群测群防体系建设", "120.00", "120.00", "115.20"),
        ("危险区转移避险设施建设", "260.00", "230.00", "205.40"),
        ("重点山洪沟治理", "160.00", "140.00", "128.80"),
        ("防汛物资储备及演练", "60.00", "60.00", "57.00"),
    ],
    l1_weights={"产出": 50, "效益": 30, "满意度": 10},
    inds=[
        dict(l1="产出", l2="数量指标", name="升级自动雨量站", kind="ge", t=D("45"), a=D("45"), unit="个", weight=D(10)),
        dict(
            l1="产出", l2="数量指标", name="山洪沟治理长度", kind="ge", t=D("6"), a=D("5.4"), unit="公里", weight=D(10),
            dev="县级配套资金50.00万元未到位，2处治理段顺延至2024年汛前施工。",
        ),
        dict(
            l1="产出", l2="数量指标", name="建设转移避险点", kind="ge", t=D("12"), a=D("10"), unit="个", weight=D(10),
            dev="2个避险点因配套资金未到位、用地调整未完工，计划2024年6月前建成。",
        ),
        dict(l1="产出", l2="质量指标", name="工程验收合格率", kind="eq", t=D("100"), a=D("100"), unit="%", weight=D(10)),
        dict(l1="产出", l2="时效指标", name="预警信息发布及时率", kind="ge", t=D("95"), a=D("98"), unit="%", weight=D(10)),
        dict(l1="效益", l2="社会效益指标", name="山洪灾害预警覆盖率", kind="ge", t=D("95"), a=D("96"), unit="%", weight=D(15)),
        dict(l1="效益", l2="社会效益指标", name="危险区群众避险演练覆盖率", kind="ge", t=D("90"), a=D("92"), unit="%", weight=D(15)),
        dict(l1="满意度", l2="服务对象满意度指标", name="受益群众满意度", kind="ge", t=D("90"), a=D("93"), unit="%", weight=D(10)),
    ],
)


def derive_flood(R, clean=True):
    M = {"R": R}
    rows = []
    TB = TA = TS = D(0)
    for i, (name, b, a, s) in enumerate(R["subs"], 1):
        b, a, s = D(b), D(a), D(s)
        TB, TA, TS = TB + b, TA + a, TS + s
        rows.append(dict(no=str(i), name=name, b=f2(b), a=f2(a), s=f2(s), u=f2(a - s), rate=rate_np(s, b) + "%"))
    M["rows"] = rows
    RATE = rate_np(TS, TB) + "%"
    ARATE = rate_np(TA, TB) + "%"
    M["total"] = dict(no="", name="合计", b=f2(TB), a=f2(TA), s=f2(TS), u=f2(TA - TS), rate=RATE)
    M["sources"] = [list(x) for x in R["sources"]]
    if clean:
        assert sum(D(v) for _, v, _ in R["sources"]) == TB and sum(D(v) for _, _, v in R["sources"]) == TA
        assert ARATE == "93.75%" and sum(1 for r in rows if r["a"] != r["b"]) == 2
    es = _exec_score(TS, TB)
    M["exec_score"] = trim(es)
    inds = _score_inds(R, clean)
    if clean:
        _check_scheme(R, inds, 10)
    M["inds"] = inds
    total = es + sum((x["score_dec"] for x in inds), D(0))
    M["total_s"] = trim(total)
    grade = band(total)
    y = R["year"]
    srcs = "、".join(f"{lab}{v}万元" for lab, v, _ in R["sources"])
    funds = (
        f"项目预算安排{f2(TB)}万元，其中{srcs}。截至{y}年12月31日，实际到位{f2(TA)}万元，资金到位率{ARATE}，"
        f"县级配套资金尚有{f2(TB - TA)}万元未到位；实际支出{f2(TS)}万元，结转结余{f2(TA - TS)}万元，"
        f"预算执行率{RATE}。"
    )
    problems = (
        f"一是县级配套资金{f2(TB - TA)}万元未到位，危险区转移避险设施建设和重点山洪沟治理部分工程顺延；"
        "二是部分避险点用地调整，建设进度滞后；三是已到位资金中尚有部分工程尾款待结算支付。"
    )
    T = {
        "funds": {"body": funds, "summary": funds},
        "problems": {"body": problems, "summary": problems},
        "conclusion": {
            "body": f"经自评，本项目综合得分{M['total_s']}分，评价等级为“{grade}”。",
            "summary": f"综合得分{M['total_s']}分，评价等级为“{grade}”。",
            "table": grade,
        },
    }
    M["text"] = T
    M["exec_dev"] = f"预算执行率{RATE}：县级配套资金{f2(TB - TA)}万元未到位，部分工程顺延至2024年实施，尾款待结算。"
    M["B"], M["A"], M["S"], M["RATE"], M["ARATE"] = f2(TB), f2(TA), f2(TS), RATE, ARATE
    return M


def flood_blocks(M):
    R, T, y = M["R"], M["text"], M["R"]["year"]
    H1, P = (lambda s: Para(s, "h1")), (lambda s: Para(s, "body"))
    ind = {x["name"]: x for x in M["inds"]}
    b = [
        Para(R["org"], "cover-org"),
        Para(f"{y}年度{R['project']}", "title"),
        Para("支出绩效自评报告", "title"),
        PageBreak(),
        Para(f"{y}年度项目支出绩效自评报告表", "table-title"),
    ]
    s = [
        [C("项目名称"), C(R["project"], cs=4)],
        [C("主管部门"), C(R["dept"], cs=2), C("项目负责人"), C(R["leader"])],
        [C("计划投资额（万元）"), C(M["B"], cs=2), C("实际到位（万元）"), C(M["A"])],
    ]
    for i, (lab, v, a) in enumerate(M["sources"]):
        s.append([C(("其中：" if i == 0 else "") + lab), C(v, cs=2), C("到位数（万元）"), C(a)])
    s += [
        [C("资金投入和使用情况"), C(T["funds"]["summary"], cs=4)],
        [C("存在的问题"), C(T["problems"]["summary"], cs=4)],
        [C("自评结论"), C([T["conclusion"]["summary"], GRADE_NOTE], cs=4)],
    ]
    b.append(Table([3.4, 2.6, 2.4, 3.4, 3.6], s, size=11))
    b += [
        PageBreak(),
        H1("一、项目基本情况"),
        P(
            f"为提升山洪灾害防御能力，{y}年我局实施山洪灾害防治项目，包括山洪灾害监测预警系统升级、群测群防体系建设、"
            "危险区转移避险设施建设、重点山洪沟治理和防汛物资储备及演练5个子项目。项目年度目标为：升级自动雨量站45个，"
            "治理山洪沟6公里，建设转移避险点12个，山洪灾害预警覆盖率达到95%以上。"
        ),
        H1("二、项目资金投入和使用情况"),
        P(T["funds"]["body"]),
        Para("项目资金到位及使用情况表", "caption"),
        Para("单位：万元", "unit"),
    ]
    rows = [[C(h, bold=True) for h in ("序号", "子项目名称", "预算安排", "实际到位", "实际支出", "结转结余", "预算执行率")]]
    for r in M["rows"] + [M["total"]]:
        rows.append([C(r[k]) for k in ("no", "name", "b", "a", "s", "u", "rate")])
    b.append(Table([1.1, 4.6, 2.0, 2.0, 2.0, 2.0, 2.1], rows, size=10.5))
    b += [
        H1("三、项目绩效目标完成情况"),
        P(
            f"全年升级自动雨量站{ind['升级自动雨量站']['actual']}，治理山洪沟{ind['山洪沟治理长度']['actual']}，"
            f"建设转移避险点{ind['建设转移避险点']['actual']}，工程验收合格率100%，"
            f"山洪灾害预警覆盖率{ind['山洪灾害预警覆盖率']['actual']}，受益群众满意度{ind['受益群众满意度']['actual']}。"
            "山洪沟治理长度和转移避险点两项指标未完成，已按完成比例计分，偏差原因见自评表。"
        ),
        H1("四、存在的问题及原因"),
        P(T["problems"]["body"]),
        H1("五、下一步改进措施"),
        P("一是积极争取县级配套资金尽快到位；二是督促施工单位在2024年汛前完成顺延工程；三是加快工程结算和尾款支付。"),
        H1("六、自评结论"),
        P(T["conclusion"]["body"]),
        Para(R["org"], "right"),
        Para(R["sign_date"], "right"),
        PageBreak(),
        Para("附件", "attach"),
        Para(f"{y}年度项目支出绩效自评表", "table-title"),
    ]
    z = [
        [C("项目名称", cs=2), C(R["project"], cs=6)],
        [C("主管部门", cs=2), C(R["dept"], cs=3), C("实施单位", cs=1), C(R["org"], cs=2)],
        [C("项目资金（万元）", rs=2, cs=2)] + [C(h) for h in ("全年预算数", "全年执行数", "执行率", "分值", "得分", "偏差原因分析")],
        [C(M["B"]), C(M["S"]), C(M["RATE"]), C("10"), C(M["exec_score"]), C(M["exec_dev"], align="left", indent=False)],
        [C(h) for h in ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析")],
    ]
    labels = {"产出": "产出指标", "效益": "效益指标", "满意度": "满意度指标"}
    inds = M["inds"]
    for i, x in enumerate(inds):
        row = []
        if i == 0 or inds[i - 1]["l1"] != x["l1"]:
            row.append(C(labels[x["l1"]], rs=sum(1 for v in inds if v["l1"] == x["l1"])))
        row += [C(x["l2"]), C(x["name"]), C(x["target"]), C(x["actual"]), C(x["weight"]), C(x["score"])]
        row.append(C(x["dev"], align="left", indent=False))
        z.append(row)
    z.append([C("总分", cs=5), C("100"), C(M["total_s"]), C(f"评价等级：{T['conclusion']['table']}")])
    b.append(Table([1.7, 1.6, 2.4, 1.9, 1.9, 1.0, 1.1, 3.9], z, size=9.5))
    b.append(Para(GRADE_NOTE, "small"))
    b.append(Para(f"单位负责人：{R['leader']}    审核人：{R['reviewer']}    填表人：{R['filler']}    联系电话：{R['phone']}    填报日期：{R['sign_date']}", "small"))
    return b


def flood_arrival_rate(M):
    replace_all(M, "资金到位率93.75%", "资金到位率100%")
    return [item("rate", "error", [["到位率", "93.75"]],
                 "正文和摘要表称资金到位率 100%，实际到位 750.00÷预算安排 800.00=93.75%",
                 accept=["mismatch", "logic"])]


def flood_balance(M):
    r = next(r for r in M["rows"] if r["name"] == "危险区转移避险设施建设")
    r["u"] = "26.40"
    return [
        item("balance", "error", ["26.40"], "危险区转移避险设施建设结转结余应为 230.00−205.40=24.60 万元，表中填 26.40",
             accept=["sum"]),
        item("sum", "error", [["56.80", "26.40"]], "连带：结转结余列各行之和 56.80 与合计 55.00 不符", optional=True),
    ]


def flood_rate(M):
    r = next(r for r in M["rows"] if r["name"] == "山洪灾害监测预警系统升级")
    r["rate"] = "93.40%"
    return [item("rate", "error", [["93.40", "94.30"]], "山洪灾害监测预警系统升级执行率 188.60÷200.00=94.30%，表中填 93.40%")]


def flood_arrived_total(M):
    M["total"]["a"] = "770.00"
    return [
        item("sum", "error", [["770", "750"]], "资金表实际到位合计应为各行之和 750.00 万元，误为 770.00（正文和摘要表为 750.00）",
             accept=["mismatch"]),
        item("balance", "error", ["770"], "连带：合计行结转结余 55.00 与 770.00−695.00=75.00 不符", optional=True),
        item("mismatch", "warning", ["770"], "连带：资金表实际到位合计 770.00 与正文/摘要表 750.00 不一致", optional=True),
    ]


def flood_none_dev(R):
    _ind(R, "山洪沟治理长度")["dev"] = "无"
    return [item("missing", "warning", ["山洪沟治理"],
                 "山洪沟治理长度目标 ≥6 公里、实际 5.4 公里（按比例得 9 分），偏差原因分析栏填“无”")]


EXTRA8 = {  # same shape as EXTRA
    "flood-control-2023": (
        FLOOD,
        derive_flood,
        flood_blocks,
        Style(),
        [
            ("post", flood_arrival_rate),
            ("post", flood_balance),
            ("post", flood_rate),
            ("post", flood_arrived_total),
            ("pre", flood_none_dev),
        ],
        "辰溪县水利局 / 山洪灾害防治项目 (2023); 万元 (2 位小数); 湘西式摘要表（计划投资额分 中央/省/县级配套，各列到位数）+ 正文 + 自评表; "
        "资金表 5 个子项目（序号/子项目名称/预算安排/实际到位/实际支出/结转结余/预算执行率 + 合计），两行实际到位 < 预算安排，"
        "结转结余 = 实际到位 − 实际支出，执行率 = 支出 ÷ 预算; 正文称资金到位率 93.75%（到位 ÷ 预算）; 财政部式自评表 50/30/10 + 执行率 10",
        "clean; 执行率 {rate} (<90%)（县级配套 50.00 万元未到位，正文和自评表说明）; 两项指标未完成按比例得分、偏差原因已填; {total} 优",
    ),
}
EXTRA8 = _fill_notes(EXTRA8)


# ----------------------------------------------------------------------------------------------
# Driver
# ----------------------------------------------------------------------------------------------


@dataclass
class Sample:
    name: str
    blocks: list
    key: dict
    readme: str
    producer: str = "docx"  # docx (python-docx + LibreOffice) or chrome (HTML + Chromium, PDF only)
    style: Style = field(default_factory=Style)


def seed_samples():
    blocks = seed_blocks()
    key = {
        "file_stem": "xiangxi-2022",
        "clean": False,
        "base": None,
        "kind": "real",
        "note": "湘西州2022年度州智慧湘西建设专项支出绩效自评报告（真实报告重排为DOCX，原文差错保留）",
        "expected": SEED_EXPECTED,
    }
    key_c = dict(
        key,
        file_stem="xiangxi-2022-chrome",
        note="同 xiangxi-2022，经 HTML + Chromium 打印为 PDF（第二种生成器）",
    )
    faults = "; ".join(f"{i['category']}: {i['note']}" for i in SEED_EXPECTED if not i.get("optional"))
    line = (
        "智慧湘西领导小组办公室 / 州智慧湘西建设专项 (湖南湘西州); 万元; 财政部式自评表 50/30/10+10, "
        "湘西自评报告表; 7 个子项目; real report, faults as published: " + faults
    )
    return [
        Sample("xiangxi-2022", blocks, key, line),
        Sample(
            "xiangxi-2022-chrome",
            blocks,
            key_c,
            "same content as xiangxi-2022 (7 个子项目, 万元) as HTML printed by headless Chromium (Skia; PDF only, glyphs embedded as Type 3 fonts with ToUnicode; no radical look-alikes U+2E80–U+2FDF in its text layer; text of wrapped narrow table cells interleaves in pdftotext raw order); same answer key and faults",
            producer="chrome",
        ),
    ]


def all_samples():
    out = seed_samples()
    out += synthetic_samples()
    out += extra_samples()
    out += extra_samples(EXTRA2)
    out += extra_samples(EXTRA3)
    out += extra_samples(EXTRA4)
    out += extra_samples(EXTRA5)
    out += extra_samples(EXTRA6)
    out += extra_samples(EXTRA7)
    out += extra_samples(EXTRA8)
    return out


def write_key(s: Sample, outdir: Path):
    (outdir / f"{s.name}.expected.json").write_text(
        json.dumps(s.key, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def write_readme(samples, outdir: Path):
    lines = [
        "# pecheck sample corpus",
        "",
        "Rebuilt by `python samples/build.py` (python-docx → DOCX, LibreOffice headless → PDF; the",
        "`-chrome` sample is HTML printed by headless Chromium).  `fonts.conf` maps the Chinese",
        "office fonts onto Noto CJK SC.  Each document has an answer key `<name>.expected.json`",
        "(format: ../../shared/eval/README.md).  Mutants (`*-faults`) are derived from their clean",
        "base by the mutation functions in build.py; every planted fault is listed below.",
        "",
    ]
    for s in samples:
        lines.append(f"- **{s.name}** — {s.readme}")
    lines.append("")
    (outdir / "README.md").write_text("\n".join(lines), encoding="utf-8")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-pdf", action="store_true", help="skip LibreOffice/Chromium rendering")
    ap.add_argument("--only", nargs="*", help="build only these sample names")
    ap.add_argument("--force", action="store_true", help="re-render PDFs even when their DOCX is unchanged")
    ap.add_argument("--outdir", default=str(HERE), help="output folder (default: samples/)")
    args = ap.parse_args(argv)
    outdir = Path(args.outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    work = outdir / "build"
    work.mkdir(exist_ok=True)
    samples = all_samples()
    chosen = [s for s in samples if not args.only or s.name in args.only]
    docs = []
    for s in chosen:
        for t in s.blocks:
            if isinstance(t, Table):
                place(t)  # validates the grid
        if s.producer == "docx":
            p = outdir / f"{s.name}.docx"
            write_docx(s.blocks, p, s.style)
            docs.append(p)
        else:
            write_html(s.blocks, work / f"{s.name}.html", s.name)
        write_key(s, outdir)
        print(f"wrote {s.name} ({s.producer})", file=sys.stderr)
    write_readme(samples, outdir)  # lists every sample (cheap; also after --only)
    if args.no_pdf:
        return 0
    if docs:
        done = soffice_to_pdf(docs, outdir, force=args.force)
        print(
            f"LibreOffice rendered {len(done)} of {len(docs)} PDFs (the others were up to date)",
            file=sys.stderr,
        )
    for s in chosen:
        if s.producer == "chrome":
            chromium_to_pdf(work / f"{s.name}.html", outdir / f"{s.name}.pdf")
    for s in chosen:
        print(f"{s.name}.pdf: {pdf_pages(outdir / f'{s.name}.pdf')} pages", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
